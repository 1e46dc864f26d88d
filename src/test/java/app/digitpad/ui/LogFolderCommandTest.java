package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.LogFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFolderCommandTest {
    @TempDir
    Path dir;

    private final List<String> errors = new ArrayList<>();
    private final Dialogs dialogs = new Dialogs() {
        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public Optional<Path> chooseModelToOpen() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
            return Optional.empty();
        }

        @Override
        public void notify(String message) {}
    };

    @Test
    void theFolderIsMadeAndHandedToTheDesktop() {
        Path folder = dir.resolve("logs");
        List<Path> opened = new ArrayList<>();
        new LogFolderCommand(folder, Runnable::run, Runnable::run, dialogs, opened::add).run();
        assertEquals(List.of(folder), opened);
        assertTrue(Files.isDirectory(folder));
        assertEquals(List.of(), errors);
    }

    @Test
    void whenTheDesktopCannotTheUserIsToldWhereTheLogIsAndTheFailureIsLogged() {
        Path folder = dir.resolve("logs");
        new LogFolderCommand(folder, Runnable::run, Runnable::run, dialogs, f -> {
            throw new IOException("no file manager");
        }).run();
        assertEquals(List.of("Could not open the log folder: The desktop could not show it (no file manager).\n\n"
                + "DigitPad's log is in " + folder), errors);
        LogFile.assertErrorWithTrace("Could not open the log folder " + folder);
    }
}
