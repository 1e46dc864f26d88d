package app.digitpad.ui.train;

import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.model.TrainingLog;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * One run in the history: a model file in the model folder (or the model bundled with the app,
 * which has no file), what it says about itself, and its training log if it was saved with one.
 */
public record RunRecord(Optional<Path> file, ModelMetadata metadata, Optional<TrainingLog> log) {
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.US)
            .withZone(ZoneId.systemDefault());

    public static RunRecord saved(Path file, ModelFiles.Description description) {
        return new RunRecord(Optional.of(file), description.metadata(), description.log());
    }

    public static RunRecord bundled(ModelFiles.Description description) {
        return new RunRecord(Optional.empty(), description.metadata(), description.log());
    }

    public boolean isBundled() {
        return file.isEmpty();
    }

    public String fileName() {
        return file.map(f -> f.getFileName().toString()).orElse("bundled with DigitPad");
    }

    /** A short name for chart legends: "fast-cnn, 1 epoch, Dec 2 17:02" or "bundled model". */
    public String label() {
        if (isBundled()) {
            return "bundled model";
        }
        return String.format(Locale.US, "%s, %d epoch%s, %s", metadata.architecture().id(), metadata.epochs(),
                metadata.epochs() == 1 ? "" : "s", SHORT_TIME.format(metadata.createdAt()));
    }

    /** Whether this run's model is the one in {@code file} (empty: the bundled model). */
    public boolean isFrom(Optional<Path> other) {
        if (file.isEmpty() || other.isEmpty()) {
            return file.isEmpty() && other.isEmpty();
        }
        return file.get().toAbsolutePath().normalize().equals(other.get().toAbsolutePath().normalize());
    }
}
