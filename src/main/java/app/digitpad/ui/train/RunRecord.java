package app.digitpad.ui.train;

import app.digitpad.ml.model.ModelMetadata;
import java.nio.file.Path;

/** One past training run: a model file in the model folder and what it says about itself. */
public record RunRecord(Path file, ModelMetadata metadata) {
    public String fileName() {
        return file.getFileName().toString();
    }
}
