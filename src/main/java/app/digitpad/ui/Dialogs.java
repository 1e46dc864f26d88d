package app.digitpad.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Dialogs behind an interface, so view models can be tested without windows. */
public interface Dialogs {
    void showError(String title, String message);

    Optional<Path> chooseModelToOpen();

    /** Asks where to save; {@code extension} like ".csv". */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);

    /** Asks for a file to read; {@code extension} like ".jsonl" (other files can still be chosen). */
    default Optional<Path> chooseFileToOpen(String title, String extension) {
        return Optional.empty();
    }

    /** A short, non-blocking notice (for example "Model saved"). */
    void notify(String message);
}
