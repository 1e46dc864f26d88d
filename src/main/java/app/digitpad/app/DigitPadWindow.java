package app.digitpad.app;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.io.DigitPadHome;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ui.AppServices;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.FxDialogs;
import app.digitpad.ui.LiveModel;
import app.digitpad.ml.data.PenDataCache;
import app.digitpad.ml.personal.SampleStore;
import app.digitpad.ui.LogFolderCommand;
import app.digitpad.ui.MainView;
import app.digitpad.ui.teach.SamplesView;
import app.digitpad.ui.teach.TeachPanel;
import app.digitpad.ui.teach.TeachViewModel;
import app.digitpad.ui.MainViewModel;
import app.digitpad.ui.Theme;
import app.digitpad.ui.Workers;
import app.digitpad.ui.evaluate.EvaluateView;
import app.digitpad.ui.network.NetworkView;
import app.digitpad.ui.network.NetworkViewModel;
import app.digitpad.ui.pad.PadView;
import app.digitpad.ui.pad.PadViewModel;
import app.digitpad.ui.settings.Settings;
import app.digitpad.ui.settings.SettingsKeeper;
import app.digitpad.ui.train.TrainView;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole window on a stage and owns what must be shut down with it: worker threads, the
 * live model, the settings (written when the window closes). Used by the app and by UI tests.
 */
public final class DigitPadWindow {
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 620;
    private static final double DEFAULT_WIDTH = 1180;
    private static final double DEFAULT_HEIGHT = 760;

    private final Stage stage;
    private final AppServices services;
    private final MainViewModel mainModel;
    private final PadViewModel padModel;
    private final TeachViewModel teachModel;
    private TrainView trainView; // built when its tab is first shown
    private final MainView mainView;
    private Settings.WindowBounds normalBounds;

    /** The window with default settings, kept in memory only (tests and tools). */
    public DigitPadWindow(Stage stage) {
        this(stage, SettingsKeeper.inMemory(Settings.defaults()));
    }

    /** With other dialogs than the real ones, e.g. a test's that answers file choosers itself. */
    public DigitPadWindow(Stage stage, Dialogs dialogs) {
        this(stage, dialogs, SettingsKeeper.inMemory(Settings.defaults()));
    }

    /** With the user's settings: the theme, window, live model, folders and Train settings of last time. */
    public DigitPadWindow(Stage stage, SettingsKeeper settings) {
        this(stage, new FxDialogs(stage, settings), settings);
    }

    public DigitPadWindow(Stage stage, Dialogs dialogs, SettingsKeeper settings) {
        this.stage = stage;
        Settings kept = settings.get();
        Theme.useForApplication(kept.dark());
        Workers workers = new Workers();
        LiveModel liveModel = new LiveModel();
        services = new AppServices(liveModel, workers, dialogs, new MnistCache(MnistSource.bundled()), new PenDataCache(),
                ModelStore.userDefault(), settings);
        mainModel = new MainViewModel(liveModel, workers.background(), Platform::runLater, dialogs, new PreloadedModels());
        padModel = new PadViewModel(liveModel, workers.inference());
        teachModel = new TeachViewModel(padModel, liveModel, SampleStore.userDefault(), services.modelStore(),
                services.mnist(), services.pen(), workers.background(), Platform::runLater,
                file -> file.ifPresentOrElse(mainModel::openModel, mainModel::loadBundledModel));
        LogFolderCommand logFolder = new LogFolderCommand(DigitPadHome.logs(), workers.background(), Platform::runLater,
                dialogs, LogFolderCommand::openWithDesktop);
        mainView = new MainView(stage, mainModel, dialogs, settings, workers.background(),
                new PadView(padModel, new TeachPanel(teachModel)), () -> trainView = new TrainView(services),
                () -> new EvaluateView(services), () -> new SamplesView(teachModel, dialogs), logFolder::run);
        Scene scene = new Scene(mainView, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Theme.apply(scene, kept.dark());
        stage.setScene(scene);
        stage.setTitle("DigitPad");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        place(kept.window());
        stage.setOnHidden(e -> shutdown());
        StartupTiming.attach(stage, liveModel, workers.inference());
        mainView.addLazyTab("Network", "tab-network",
                () -> new NetworkView(NetworkViewModel.forApp(services, padModel), padModel));
        // after the shown event, so the first frame is not competing with the warm-up
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(ModelPreload::windowShown));
        liveModel.infoProperty().addListener((obs, old, info) -> {
            if (info != null) {
                settings.update(s -> s.withLiveModel(info.file()));
            }
        });
        settings.loadWarning().ifPresent(dialogs::notify);
        mainModel.loadStartModel(kept.liveModelFile());
        ModelPreload.takeStrokeReader().whenComplete((reader, error) -> {
            if (reader != null) {
                liveModel.setStrokeReader(reader);
                Platform.runLater(padModel::recognize); // a drawing made meanwhile is read again, with its strokes
                LoggerFactory.getLogger(DigitPadWindow.class).info("Stroke reader ready: the pad reads each drawing "
                        + "from its picture and from its pen path");
            } else {
                LoggerFactory.getLogger(DigitPadWindow.class).warn("The stroke reader could not be read; the pad reads "
                        + "drawings from their pictures alone", error);
            }
        });
    }

    /** Puts the window where it was last time if that is still on a screen; keeps its normal bounds up to date. */
    private void place(Settings.WindowBounds bounds) {
        if (bounds != null && !Screen.getScreensForRectangle(bounds.x(), bounds.y(), bounds.width(), bounds.height()).isEmpty()) {
            Rectangle2D visible = Screen.getScreensForRectangle(bounds.x(), bounds.y(), bounds.width(), bounds.height())
                    .get(0).getVisualBounds();
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(Math.min(Math.max(bounds.width(), MIN_WIDTH), Math.max(MIN_WIDTH, visible.getWidth())));
            stage.setHeight(Math.min(Math.max(bounds.height(), MIN_HEIGHT), Math.max(MIN_HEIGHT, visible.getHeight())));
            stage.setMaximized(bounds.maximized());
            normalBounds = bounds;
        }
        javafx.beans.InvalidationListener track = obs -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing()) {
                normalBounds = new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
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

    public TeachViewModel teachModel() {
        return teachModel;
    }

    public MainView mainView() {
        return mainView;
    }

    /** Keeps the window's place, stops training, worker threads and the engine's model; safe to call twice. */
    public void shutdown() {
        Settings.WindowBounds last = normalBounds != null ? normalBounds
                : new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        if (last.width() > 0 && last.height() > 0 && !Double.isNaN(last.x())) {
            boolean maximized = stage.isMaximized();
            services.settings().update(s -> s.withWindow(new Settings.WindowBounds(last.x(), last.y(), last.width(),
                    last.height(), maximized)));
        }
        services.settings().flush();
        if (trainView != null) {
            trainView.shutdown();
        }
        teachModel.shutdown();
        services.workers().close();
        services.liveModel().close();
    }

    /** The start-up model from {@link ModelPreload} (read while the window was built), any other read now. */
    private static final class PreloadedModels implements MainViewModel.ModelLoader {
        @Override
        public DigitClassifier bundled() throws Exception {
            return ModelPreload.takeOrLoad();
        }

        @Override
        public DigitClassifier file(Path file) throws Exception {
            return ModelPreload.takeOrLoad(file);
        }
    }
}
