package app.digitpad.ui.train;

import app.digitpad.ui.Dialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dialogs that only remember what they were asked to show. */
final class RecordingDialogs implements Dialogs {
    record Error(String title, String message) {}

    final List<Error> errors = new CopyOnWriteArrayList<>();

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
    public void notify(String message) {}
}
