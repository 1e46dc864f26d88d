package app.digitpad.ui;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.PenDataCache;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ui.settings.SettingsKeeper;

/**
 * What every screen may use: the live model, worker threads, dialogs, MNIST, the pen training data,
 * the model folder and the kept settings.
 */
public record AppServices(LiveModel liveModel, Workers workers, Dialogs dialogs, MnistCache mnist, PenDataCache pen,
        ModelStore modelStore, SettingsKeeper settings) {}
