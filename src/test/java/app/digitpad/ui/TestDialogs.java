package app.digitpad.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Dialogs for tests: show nothing and remember what they were asked. Save choosers answer with the
 * path prepared for the extension; questions get {@link #answer} (false, the safe answer, unless set).
 */
public final class TestDialogs implements Dialogs {
    public record Error(String title, String message) {}

    public record Question(String title, String message, String yes, String no) {}

    public final List<Error> errors = new CopyOnWriteArrayList<>();
    public final List<String> notices = new CopyOnWriteArrayList<>();
    public final List<Question> questions = new CopyOnWriteArrayList<>();
    public final Map<String, Path> saveAnswers = new ConcurrentHashMap<>();
    public volatile boolean answer;

    @Override
    public void showError(String title, String message) {
        errors.add(new Error(title, message));
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
        questions.add(new Question(title, message, yes, no));
        return answer;
    }
}
