package app.digitpad.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Help › Open log folder: shows the folder holding DigitPad's log in the desktop's file manager.
 * The desktop call runs on a worker (it can take seconds); when the desktop cannot open folders the
 * user is told where the log is.
 */
public final class LogFolderCommand {
    /** Opens a folder in the desktop's file manager; throws when the desktop cannot. */
    @FunctionalInterface
    public interface FolderOpener {
        void open(Path folder) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LogFolderCommand.class);

    private final Path folder;
    private final Executor background;
    private final Executor ui;
    private final Dialogs dialogs;
    private final FolderOpener opener;

    /** @param ui runs the error dialog on the FX thread */
    public LogFolderCommand(Path folder, Executor background, Executor ui, Dialogs dialogs, FolderOpener opener) {
        this.folder = folder;
        this.background = background;
        this.ui = ui;
        this.dialogs = dialogs;
        this.opener = opener;
    }

    public Path folder() {
        return folder;
    }

    public void run() {
        background.execute(() -> {
            try {
                Files.createDirectories(folder);
                opener.open(folder);
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not open the log folder {}", folder, e);
                String reason = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
                ui.execute(() -> dialogs.showError("Could not open the log folder",
                        "The desktop could not show it (" + reason + ").\n\nDigitPad's log is in " + folder));
            }
        });
    }

    /** java.awt.Desktop's "open", where this desktop has one. */
    public static void openWithDesktop(Path folder) throws IOException {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new IOException("this desktop offers no way to open a folder");
        }
        Desktop.getDesktop().open(folder.toFile());
    }
}
