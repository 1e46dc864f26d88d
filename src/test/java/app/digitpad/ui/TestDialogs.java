package app.digitpad.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dialogs for window tests: show nothing, record errors and notices, answer every question "no". */
public final class TestDialogs implements Dialogs {
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<String> notices = new CopyOnWriteArrayList<>();

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
    public void notify(String message) {
        notices.add(message);
    }

    @Override
    public void notifySaved(Path file) {
        notices.add("Saved " + file.toAbsolutePath());
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        return false;
    }
}
