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

    /** A non-blocking notice that {@code file} was written, with its full path and a way to open its folder. */
    default void notifySaved(Path file) {
        notify("Saved " + file);
    }

    /**
     * Asks a question with two answers and waits for it. {@code no} is the default (Enter, Esc or
     * closing the dialog choose it), so it should be the safe answer.
     *
     * @return true only if the user chose {@code yes}
     */
    default boolean confirm(String title, String message, String yes, String no) {
        return false;
    }
}
