package app.digitpad.ui;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.model.ModelStore;

/** What every screen may use: the live model, worker threads, dialogs, MNIST and the model folder. */
public record AppServices(LiveModel liveModel, Workers workers, Dialogs dialogs, MnistCache mnist, ModelStore modelStore) {}
