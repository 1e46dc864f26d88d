package app.digitpad.ui.train;

import app.digitpad.ui.Dialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dialogs that remember what they were asked to show; questions get {@link #answer} (false, the safe answer, unless set). */
final class RecordingDialogs implements Dialogs {
    record Error(String title, String message) {}

    record Question(String title, String message, String yes, String no) {}

    final List<Error> errors = new CopyOnWriteArrayList<>();
    final List<Question> questions = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    volatile boolean answer;

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
        return Optional.empty();
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }

    @Override
    public void notifySaved(Path file) {
        notices.add("Saved " + file);
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        questions.add(new Question(title, message, yes, no));
        return answer;
    }
}
