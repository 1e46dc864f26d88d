package app.digitpad.ui;

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

/** The window: menu, one tab per screen (draw, train, evaluate), and a status bar naming the live model. */
public final class MainView extends BorderPane {
    private final TabPane tabs = new TabPane();

    public MainView(Stage stage, MainViewModel model, Dialogs dialogs, Node draw, Node train, Node evaluate) {
        getStyleClass().add("main-view");
        setId("main-view");

        MenuItem open = new MenuItem("Open model…");
        open.setId("menu-open-model");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> dialogs.chooseModelToOpen().ifPresent(model::openModel));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.selectedProperty().addListener((obs, was, is) -> Theme.apply(getScene(), is));
        setTop(new MenuBar(new Menu("File", null, open, quit), new Menu("View", null, dark)));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Draw", "tab-draw", draw), tab("Train", "tab-train", train),
                tab("Evaluate", "tab-evaluate", evaluate));
        setCenter(tabs);

        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(model.statusProperty());
        status.progressProperty().bind(javafx.beans.binding.Bindings.when(model.loadingProperty()).then(-1.0).otherwise(0.0));
        setBottom(status);
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    public TabPane tabs() {
        return tabs;
    }
}
