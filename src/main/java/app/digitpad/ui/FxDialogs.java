package app.digitpad.ui;

import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ui.settings.SettingsKeeper;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real dialogs, owned by the main window and styled like it. The file choosers start in the
 * folder the user chose last (kept in the settings); notices are the app's own ({@link Notice}).
 */
public final class FxDialogs implements Dialogs {
    private static final Logger LOG = LoggerFactory.getLogger(FxDialogs.class);

    private final Window owner;
    private final SettingsKeeper settings;

    public FxDialogs(Window owner, SettingsKeeper settings) {
        this.owner = owner;
        this.settings = settings;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setGraphic(errorIcon());
        alert.getDialogPane().setId("error-dialog");
        styled(alert).show();
    }

    /** A round "!" in the theme's danger colour: AtlantaFX's own error icon, a cross in a circle, reads as "close". */
    static Label errorIcon() {
        Label mark = new Label("!");
        mark.getStyleClass().add("error-icon");
        return mark;
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, noButton, yesButton);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("confirm-dialog");
        // The safe answer is the default one: Enter keeps what is there.
        ((Button) alert.getDialogPane().lookupButton(yesButton)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(noButton)).setDefaultButton(true);
        return styled(alert).showAndWait().filter(yesButton::equals).isPresent();
    }

    /** Owned by the main window, with its stylesheets: the dialog looks like the app in either theme. */
    private <T extends Dialog<?>> T styled(T dialog) {
        dialog.initOwner(owner);
        if (owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return dialog;
    }

    @Override
    public Optional<Path> chooseModelToOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("DigitPad models", "*" + ModelFiles.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path folder = Optional.ofNullable(settings.get().openFolder()).map(Path::of)
                .filter(Files::isDirectory).orElse(ModelStore.userDefault().folder());
        if (Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        Optional<Path> chosen = Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        chosen.map(Path::getParent).ifPresent(parent -> settings.update(s -> s.withOpenFolder(parent)));
        return chosen;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.substring(1).toUpperCase(), "*" + extension));
        Optional.ofNullable(settings.get().exportFolder()).map(Path::of).filter(Files::isDirectory)
                .ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        Optional<Path> chosen = Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        chosen.map(Path::getParent).ifPresent(parent -> settings.update(s -> s.withExportFolder(parent)));
        return chosen;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(extension.substring(1).toUpperCase(), "*" + extension),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public void notify(String message) {
        whenShown(() -> Notice.show(owner, message, null, null, Duration.seconds(8)));
    }

    /** Runs {@code action} now if the window is on screen, else once it is (a notice at start-up). */
    private void whenShown(Runnable action) {
        if (owner.isShowing()) {
            action.run();
            return;
        }
        owner.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<WindowEvent>() {
            @Override
            public void handle(WindowEvent event) {
                owner.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                action.run();
            }
        });
    }

    @Override
    public void notifySaved(Path file) {
        Path absolute = file.toAbsolutePath();
        Notice.show(owner, "Saved " + absolute, "Open folder", () -> openFolder(absolute.getParent()), Duration.seconds(8));
    }

    /** Opens a folder in the desktop's file manager, on its own thread (it can take a while, or hang). */
    private void openFolder(Path folder) {
        Thread opener = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(folder.toFile());
                } else {
                    new ProcessBuilder("xdg-open", folder.toString()).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not open {}: {}", folder, e.toString());
                javafx.application.Platform.runLater(() -> showError("Could not open the folder",
                        "The folder " + folder + " could not be opened (" + e.getMessage() + ")."));
            }
        }, "digitpad-open-folder");
        opener.setDaemon(true);
        opener.start();
    }
}
