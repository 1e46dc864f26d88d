package app.digitpad.cli;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelFormatException;
import java.nio.file.Path;

/** A MODEL argument: a .dpmodel file, or {@value #BUNDLED} for the model shipped inside DigitPad. */
final class ModelArgument {
    static final String BUNDLED = "bundled";
    static final String DESCRIPTION = "A .dpmodel file, or 'bundled' for the model that ships with DigitPad.";

    private ModelArgument() {}

    static DigitClassifier load(Path model) throws ModelFormatException {
        return isBundled(model) ? ModelFiles.loadBundled() : ModelFiles.load(model);
    }

    static boolean isBundled(Path model) {
        return BUNDLED.equals(model.toString());
    }
}
