package app.digitpad.cli;

import app.digitpad.ml.model.ModelFormatException;
import app.digitpad.ml.model.StrokeReader;
import java.nio.file.Path;

/** The {@code --strokes} option: which stroke reader reads pen digits with the picture model, or none. */
final class StrokesArgument {
    static final String DESCRIPTION = "The stroke reader to read pen digits with, jointly with MODEL: a "
            + StrokeReader.EXTENSION + " file, 'bundled' (the default: the one adapted with MODEL if its file holds one, as the "
            + "pad does, else the shipped one) or 'none' (the picture model alone).";
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

    /** The reader chosen, null for 'none', and how to name it in a report. */
    record Choice(StrokeReader reader, String name) implements AutoCloseable {
        @Override
        public void close() {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** As {@link #load(String)}, but 'bundled' means the reader saved in {@code model}'s file when it holds one, as in the app. */
    static Choice load(String value, Path model) throws ModelFormatException {
        if (BUNDLED.equals(value) && !ModelArgument.isBundled(model)) {
            java.util.Optional<StrokeReader> own = StrokeReader.inModel(model);
            if (own.isPresent()) {
                return new Choice(own.get(), "the one adapted with the model, saved in its file");
            }
        }
        return new Choice(load(value), value);
    }
}
