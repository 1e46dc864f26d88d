package app.digitpad.cli;

import app.digitpad.ml.model.ModelFormatException;
import app.digitpad.ml.model.StrokeReader;
import java.nio.file.Path;

/** The {@code --strokes} option: which stroke reader reads pen digits with the picture model, or none. */
final class StrokesArgument {
    static final String DESCRIPTION = "The stroke reader to read pen digits with, jointly with MODEL: a "
            + StrokeReader.EXTENSION + " file, 'bundled' (the default, as the pad does) or 'none' (the picture model alone).";
    static final String BUNDLED = "bundled";
    static final String NONE = "none";

    private StrokesArgument() {}

    /** @return the reader, or null for 'none' */
    static StrokeReader load(String value) throws ModelFormatException {
        if (NONE.equals(value)) {
            return null;
        }
        return BUNDLED.equals(value) ? StrokeReader.loadBundled() : StrokeReader.load(Path.of(value));
    }
}
