package app.digitpad.ui;

import app.digitpad.ui.settings.SettingsKeeper;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The window: menus, one tab per screen (draw, train, evaluate, my samples), and a status bar naming the live
 * model. The Train and Evaluate screens are built the first time their tab is selected: building
 * and styling them at start took about a second of the FX thread before the pad could be used.
 */
public final class MainView extends BorderPane {
    private final TabPane tabs = new TabPane();
    private final Stage stage;
    private final MainViewModel model;
    private final Dialogs dialogs;
    private final SettingsKeeper settings;
    private final Executor background;
    private final Runnable openLogFolder;

    /**
     * @param background gathers what Help › About shows (the engine's version)
     * @param openLogFolder Help › Open log folder
     */
    public MainView(Stage stage, MainViewModel model, Dialogs dialogs, SettingsKeeper settings, Executor background,
            Node draw, Supplier<Node> train, Supplier<Node> evaluate, Supplier<Node> samples, Runnable openLogFolder) {
        this.stage = stage;
        this.model = model;
        this.dialogs = dialogs;
        this.settings = settings;
        this.background = background;
        this.openLogFolder = openLogFolder;
        getStyleClass().add("main-view");
        setId("main-view");

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab drawTab = new Tab("Draw", draw);
        drawTab.setId("tab-draw");
        tabs.getTabs().addAll(drawTab, lazyTab("Train", "tab-train", train), lazyTab("Evaluate", "tab-evaluate", evaluate),
                lazyTab("My samples", "tab-samples", samples));
        setCenter(tabs);

        setTop(new MenuBar(fileMenu(), viewMenu(), helpMenu()));

        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(model.statusProperty());
        status.progressProperty().bind(Bindings.when(model.loadingProperty()).then(-1.0).otherwise(0.0));
        setBottom(status);
    }

    private Menu fileMenu() {
        MenuItem open = new MenuItem("Open model…");
        open.setId("menu-open-model");
        open.setAccelerator(Shortcuts.OPEN_MODEL);
        open.setOnAction(e -> dialogs.chooseModelToOpen().ifPresent(model::openModel));
        MenuItem bundled = new MenuItem("Use the bundled model");
        bundled.setId("menu-bundled-model");
        bundled.setOnAction(e -> model.loadBundledModel());
        // one load at a time, so the model that ends up live is the one asked for last
        open.disableProperty().bind(model.loadingProperty());
        bundled.disableProperty().bind(model.loadingProperty());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(Shortcuts.QUIT);
        quit.setOnAction(e -> stage.close());
        return new Menu("File", null, open, bundled, new SeparatorMenuItem(), quit);
    }

    private Menu viewMenu() {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.setSelected(settings.get().dark());
        dark.selectedProperty().addListener((obs, was, is) -> {
            Theme.apply(getScene(), is);
            settings.update(s -> s.withDark(is));
        });
        return new Menu("View", null, screenItem("Draw", 0, Shortcuts.SHOW_DRAW), screenItem("Train", 1, Shortcuts.SHOW_TRAIN),
                screenItem("Evaluate", 2, Shortcuts.SHOW_EVALUATE), screenItem("My samples", 3, Shortcuts.SHOW_SAMPLES), screenItem("Network", 4, Shortcuts.SHOW_NETWORK),
                new SeparatorMenuItem(), dark);
    }

    private MenuItem screenItem(String name, int index, KeyCombination keys) {
        MenuItem item = new MenuItem(name);
        item.setAccelerator(keys);
        item.setOnAction(e -> tabs.getSelectionModel().select(index));
        return item;
    }

    private Menu helpMenu() {
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("menu-shortcuts");
        shortcuts.setAccelerator(Shortcuts.HELP);
        shortcuts.setOnAction(e -> HelpDialogs.showShortcuts(stage));
        MenuItem about = new MenuItem("About DigitPad");
        about.setId("menu-about");
        about.setOnAction(e -> HelpDialogs.showAbout(stage, background));
        MenuItem logFolder = new MenuItem("Open log folder");
        logFolder.setId("menu-log-folder");
        logFolder.setOnAction(e -> openLogFolder.run());
        Menu help = new Menu("Help", null, shortcuts, logFolder, new SeparatorMenuItem(), about);
        help.setId("menu-help");
        return help;
    }

    /** Adds a screen's tab after the others; the screen is built the first time the tab is selected. */
    public void addLazyTab(String title, String id, Supplier<Node> content) {
        tabs.getTabs().add(lazyTab(title, id, content));
    }

    private static Tab lazyTab(String title, String id, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tab.selectedProperty().addListener((obs, was, is) -> {
            if (is && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    public TabPane tabs() {
        return tabs;
    }
}
