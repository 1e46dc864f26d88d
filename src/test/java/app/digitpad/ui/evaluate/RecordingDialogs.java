package app.digitpad.ui.evaluate;

import app.digitpad.ui.Dialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dialogs for tests: file choosers answer with a prepared path per extension; errors and notices are recorded. */
final class RecordingDialogs implements Dialogs {
    final Map<String, Path> saveAnswers = new ConcurrentHashMap<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

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
        return Optional.ofNullable(saveAnswers.get(extension));
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }

    /** Recorded as "Saved " and the full path. */
    @Override
    public void notifySaved(Path file) {
        notices.add("Saved " + file.toAbsolutePath());
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        return false;
    }
}
