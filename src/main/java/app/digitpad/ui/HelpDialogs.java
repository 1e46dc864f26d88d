package app.digitpad.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.HPos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help › Keyboard shortcuts and Help › About. */
final class HelpDialogs {
    private HelpDialogs() {}

    static void showShortcuts(Window owner) {
        GridPane table = new GridPane();
        table.setId("shortcuts-table");
        table.getStyleClass().add("shortcuts-table");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        table.getColumnConstraints().addAll(keys, new ColumnConstraints(), new ColumnConstraints());
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.all()) {
            Label key = new Label(shortcut.keysText());
            key.getStyleClass().add("shortcut-keys");
            Label where = new Label(shortcut.where());
            where.getStyleClass().add("hint");
            table.addRow(row++, key, new Label(shortcut.action()), where);
        }
        Alert alert = dialog(owner, "Keyboard shortcuts", "Keyboard shortcuts");
        alert.getDialogPane().setId("shortcuts-dialog");
        alert.getDialogPane().setContent(table);
        alert.show();
    }

    /** Gathers the versions on {@code background} (the engine may still be loading), then shows them. */
    static void showAbout(Window owner, Executor background) {
        CompletableFuture.supplyAsync(AboutInfo::gather, background).whenComplete((info, error) -> Platform.runLater(() -> {
            Alert alert = dialog(owner, "About DigitPad", "DigitPad " + (info != null ? info.digitPad() : ""));
            alert.getDialogPane().setId("about-dialog");
            VBox content = new VBox(10);
            content.getStyleClass().add("about");
            content.getChildren().add(wrapped("Draw a digit and watch a convolutional network recognize it; train it on MNIST "
                    + "and see where it goes wrong. Fully offline."));
            if (info != null) {
                GridPane versions = new GridPane();
                versions.getStyleClass().add("shortcuts-table");
                versions.addRow(0, caption("Deep Java Library"), new Label(info.djl()));
                versions.addRow(1, caption("Engine"), new Label(info.engine() + " (CPU)"));
                versions.addRow(2, caption("JavaFX"), new Label(info.javaFx()));
                versions.addRow(3, caption("Java"), new Label(info.java()));
                content.getChildren().add(versions);
            } else {
                content.getChildren().add(wrapped("The versions could not be read: " + error.getMessage()));
            }
            Label licences = new Label("Licences");
            licences.getStyleClass().add("section-title");
            content.getChildren().add(licences);
            AboutInfo.LICENCES.forEach(text -> content.getChildren().add(wrapped(text)));
            alert.getDialogPane().setContent(content);
            alert.show();
        }));
    }

    private static Alert dialog(Window owner, String title, String header) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        if (owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        alert.getDialogPane().setPrefWidth(560);
        return alert;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
