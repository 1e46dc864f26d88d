package app.digitpad.ml.model;

import app.digitpad.ml.io.DigitPadHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The user's model folder ({@code ~/.digitpad/models}, or {@code $digitpad.home/models}): where
 * trained models are saved and where the run history is read from.
 */
public final class ModelStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;

    public ModelStore(Path folder) {
        this.folder = folder;
    }

    public static ModelStore userDefault() {
        return new ModelStore(DigitPadHome.folder().resolve("models"));
    }

    public Path folder() {
        return folder;
    }

    /** A fresh file name for a model of {@code architecture}, e.g. {@code fast-cnn-20261125-081500.dpmodel}. */
    public Path newModelPath(String architecture) throws IOException {
        Files.createDirectories(folder);
        String base = architecture + "-" + LocalDateTime.now().format(STAMP);
        Path path = folder.resolve(base + ModelFiles.EXTENSION);
        for (int i = 2; Files.exists(path); i++) {
            path = folder.resolve(base + "-" + i + ModelFiles.EXTENSION);
        }
        return path;
    }
}
