package app.digitpad.ui;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The window: menu, one tab per screen (draw, train, evaluate), and a status bar naming the live
 * model. The Train and Evaluate screens are built the first time their tab is selected: building
 * and styling them at start took about a second of the FX thread before the pad could be used.
 */
public final class MainView extends BorderPane {
    private final TabPane tabs = new TabPane();

    public MainView(Stage stage, MainViewModel model, Dialogs dialogs, Node draw, Supplier<Node> train,
            Supplier<Node> evaluate) {
        getStyleClass().add("main-view");
        setId("main-view");

        MenuItem open = new MenuItem("Open model…");
        open.setId("menu-open-model");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> dialogs.chooseModelToOpen().ifPresent(model::openModel));
        MenuItem bundled = new MenuItem("Use the bundled model");
        bundled.setId("menu-bundled-model");
        bundled.setOnAction(e -> model.loadBundledModel());
        // one load at a time, so the model that ends up live is the one asked for last
        open.disableProperty().bind(model.loadingProperty());
        bundled.disableProperty().bind(model.loadingProperty());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.selectedProperty().addListener((obs, was, is) -> Theme.apply(getScene(), is));
        setTop(new MenuBar(new Menu("File", null, open, bundled, quit), new Menu("View", null, dark)));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab drawTab = new Tab("Draw", draw);
        drawTab.setId("tab-draw");
        tabs.getTabs().addAll(drawTab, lazyTab("Train", "tab-train", train), lazyTab("Evaluate", "tab-evaluate", evaluate));
        setCenter(tabs);

        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(model.statusProperty());
        status.progressProperty().bind(javafx.beans.binding.Bindings.when(model.loadingProperty()).then(-1.0).otherwise(0.0));
        setBottom(status);
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
