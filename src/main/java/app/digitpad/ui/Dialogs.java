package app.digitpad.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Dialogs behind an interface, so view models can be tested without windows. */
public interface Dialogs {
    void showError(String title, String message);

    Optional<Path> chooseModelToOpen();

    /** Asks where to save; {@code extension} like ".csv". */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);

    /** A short, non-blocking notice (for example "Model saved"). */
    void notify(String message);

    /** A non-blocking notice that {@code file} was written, with its full path and a way to open its folder. */
    void notifySaved(Path file);

    /**
     * Asks a question with two answers and waits for it. {@code no} is the default (Enter, Esc or
     * closing the dialog choose it), so it should be the safe answer.
     *
     * @return true only if the user chose {@code yes}
     */
    boolean confirm(String title, String message, String yes, String no);
}
