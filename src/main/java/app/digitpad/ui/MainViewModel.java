package app.digitpad.ui;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Window-level commands: the model at start (the one live when the app last closed if its file is
 * still there, otherwise the bundled one, with a notice saying why), opening a model file, going
 * back to the bundled model, and the status text. All methods are for the UI thread (the thread
 * {@code ui} runs tasks on); models load on {@code background}.
 */
public final class MainViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainViewModel.class);

    /** Reads models; the app passes one that may hand out a model already read at launch. */
    public interface ModelLoader {
        DigitClassifier bundled() throws Exception;

        DigitClassifier file(Path file) throws Exception;

        /** Reads models straight from their files. */
        ModelLoader DIRECT = new ModelLoader() {
            @Override
            public DigitClassifier bundled() throws Exception {
                return ModelFiles.loadBundled();
            }

            @Override
            public DigitClassifier file(Path file) throws Exception {
                return ModelFiles.load(file);
            }
        };
    }

    private final LiveModel liveModel;
    private final Executor background;
    private final Executor ui;
    private final Dialogs dialogs;
    private final ModelLoader loader;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Loading model…");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);

    public MainViewModel(LiveModel liveModel, Executor background, Dialogs dialogs) {
        this(liveModel, background, Platform::runLater, dialogs, ModelLoader.DIRECT);
    }

    /** @param ui runs results on the UI thread ({@code Platform::runLater}; tests pass their own) */
    public MainViewModel(LiveModel liveModel, Executor background, Executor ui, Dialogs dialogs, ModelLoader loader) {
        this.liveModel = liveModel;
        this.background = background;
        this.ui = ui;
        this.dialogs = dialogs;
        this.loader = loader;
        liveModel.infoProperty().addListener((obs, old, info) -> status.set(describe(info)));
    }

    static String describe(LiveModel.Info info) {
        return info == null ? "No model live" : "Live model: " + info.metadata().summary() + " · " + info.source();
    }

    /**
     * Makes the start-up model live: {@code remembered} (the model live when the app last closed)
     * if its file can still be loaded, otherwise the bundled model with a notice saying why.
     */
    public void loadStartModel(Optional<Path> remembered) {
        if (remembered.isEmpty()) {
            loadBundledModel();
            return;
        }
        Path file = remembered.get();
        loading.set(true);
        background.execute(() -> {
            String problem;
            if (!Files.isRegularFile(file)) {
                problem = "The model you used last, " + file + ", is no longer there";
            } else {
                try {
                    goLive(loader.file(file), file);
                    return;
                } catch (Exception | LinkageError e) {
                    LOG.warn("The model used last, {}, could not be loaded", file, e);
                    problem = "The model you used last could not be loaded (" + message(e) + ")";
                }
            }
            String notice = problem + ": the bundled model is live instead.";
            ui.execute(() -> dialogs.notify(notice));
            loadOnWorker(null);
        });
    }

    /** Loads the pretrained model shipped with the app, off the UI thread. */
    public void loadBundledModel() {
        load(null);
    }

    /** Opens a model file; on any failure the previous model stays live and the user is told why. */
    public void openModel(Path file) {
        load(file);
    }

    private void load(Path file) {
        loading.set(true);
        background.execute(() -> loadOnWorker(file));
    }

    private void loadOnWorker(Path file) {
        try {
            goLive(file == null ? loader.bundled() : loader.file(file), file);
        } catch (Exception | LinkageError e) {
            LOG.error("Could not open the model {}", file != null ? file : "(bundled)", e);
            String message = message(e);
            ui.execute(() -> {
                loading.set(false);
                if (liveModel.getInfo() == null) {
                    status.set("No model live: " + message);
                }
                dialogs.showError("Could not open the model",
                        message + (liveModel.getInfo() != null ? "\n\nThe previous model is still live." : ""));
            });
        }
    }

    /** On the worker: warms the model up and makes it live (taking ownership of it). */
    private void goLive(DigitClassifier classifier, Path file) throws Exception {
        try {
            classifier.warmUp();
        } catch (Exception | LinkageError e) {
            classifier.close();
            throw e;
        }
        liveModel.replace(classifier, file);
        ui.execute(() -> loading.set(false));
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
