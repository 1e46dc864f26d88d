package app.digitpad.ui;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Window-level commands: loading the bundled model at start, opening a model file, status text. */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    private final LiveModel liveModel;
    private final Executor background;
    private final Dialogs dialogs;
    private final Callable<DigitClassifier> bundled;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Loading model…");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);

    public MainViewModel(LiveModel liveModel, Executor background, Dialogs dialogs) {
        this(liveModel, background, dialogs, ModelFiles::loadBundled);
    }

    /** @param bundled reads the bundled model (the app passes one that may already have been read at launch) */
    public MainViewModel(LiveModel liveModel, Executor background, Dialogs dialogs, Callable<DigitClassifier> bundled) {
        this.bundled = bundled;
        this.liveModel = liveModel;
        this.background = background;
        this.dialogs = dialogs;
        liveModel.infoProperty().addListener((obs, old, info) -> status.set(describe(info)));
    }

    static String describe(LiveModel.Info info) {
        return info == null ? "No model live" : "Live model: " + info.metadata().summary() + " · " + info.source();
    }

    /** Loads the pretrained model shipped with the app, off the FX thread. */
    public void loadBundledModel() {
        load(null);
    }

    /** Opens a model file; on any failure the previous model stays live and the user is told why. */
    public void openModel(Path file) {
        load(file);
    }

    private void load(Path file) {
        loading.set(true);
        background.execute(() -> {
            try {
                DigitClassifier classifier = file == null ? bundled.call() : ModelFiles.load(file);
                try {
                    classifier.warmUp();
                } catch (Exception | LinkageError e) {
                    classifier.close();
                    throw e;
                }
                liveModel.replace(classifier, file);
                Platform.runLater(() -> loading.set(false));
            } catch (Exception | LinkageError e) {
                LOG.error("Could not open the model {}", file != null ? file : "(bundled)", e);
                String message = e.getMessage() != null ? e.getMessage() : e.toString();
                Platform.runLater(() -> {
                    loading.set(false);
                    if (liveModel.getInfo() == null) {
                        status.set("No model live: " + message);
                    }
                    dialogs.showError("Could not open the model",
                            message + (liveModel.getInfo() != null ? "\n\nThe previous model is still live." : ""));
                });
            }
        });
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
