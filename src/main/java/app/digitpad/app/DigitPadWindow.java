package app.digitpad.app;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ui.AppServices;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.FxDialogs;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.MainView;
import app.digitpad.ui.MainViewModel;
import app.digitpad.ui.Theme;
import app.digitpad.ui.Workers;
import app.digitpad.ui.evaluate.EvaluateView;
import app.digitpad.ui.network.NetworkView;
import app.digitpad.ui.network.NetworkViewModel;
import app.digitpad.ui.pad.PadView;
import app.digitpad.ui.pad.PadViewModel;
import app.digitpad.ui.train.TrainView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Builds the whole window on a stage and owns what must be shut down with it. Used by the app and by UI tests. */
public final class DigitPadWindow {
    private final AppServices services;
    private final MainViewModel mainModel;
    private final PadViewModel padModel;
    private TrainView trainView; // built when its tab is first shown
    private final MainView mainView;

    public DigitPadWindow(Stage stage) {
        this(stage, new FxDialogs(stage));
    }

    /** With other dialogs than the real ones, e.g. a test's that answers file choosers itself. */
    public DigitPadWindow(Stage stage, Dialogs dialogs) {
        Theme.useForApplication(false);
        Workers workers = new Workers();
        LiveModel liveModel = new LiveModel();
        services = new AppServices(liveModel, workers, dialogs, new MnistCache(MnistSource.bundled()),
                ModelStore.userDefault());
        mainModel = new MainViewModel(liveModel, workers.background(), dialogs, ModelPreload::takeOrLoad);
        padModel = new PadViewModel(liveModel, workers.inference());
        mainView = new MainView(stage, mainModel, dialogs, new PadView(padModel),
                () -> trainView = new TrainView(services), () -> new EvaluateView(services));
        Scene scene = new Scene(mainView, 1180, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.setTitle("DigitPad");
        stage.setMinWidth(900);
        stage.setMinHeight(620);
        stage.setOnHidden(e -> shutdown());
        StartupTiming.attach(stage, liveModel, workers.inference());
        mainView.addLazyTab("Network", "tab-network",
                () -> new NetworkView(NetworkViewModel.forApp(services, padModel), padModel));
        // after the shown event, so the first frame is not competing with the warm-up
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(ModelPreload::windowShown));
        mainModel.loadBundledModel();
    }

    public AppServices services() {
        return services;
    }

    public MainViewModel mainModel() {
        return mainModel;
    }

    public PadViewModel padModel() {
        return padModel;
    }

    public MainView mainView() {
        return mainView;
    }

    /** Stops training, worker threads and the engine's model; safe to call twice. */
    public void shutdown() {
        if (trainView != null) {
            trainView.shutdown();
        }
        services.workers().close();
        services.liveModel().close();
    }
}
