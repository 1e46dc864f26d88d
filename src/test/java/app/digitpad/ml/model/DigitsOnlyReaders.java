package app.digitpad.ml.model;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import app.digitpad.ml.net.StrokeNet;
import app.digitpad.preprocess.StrokePath;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stroke reader files as the version before "not a digit" saved them (layout 2, ten outputs), such
 * as teach mode kept beside personal models: freshly initialized, for tests of what still reads them.
 */
public final class DigitsOnlyReaders {
    private DigitsOnlyReaders() {}

    /** Writes such a file at {@code file} and returns it. */
    public static Path write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("DigitPad stroke reader");
        out.writeInt(StrokeNet.DIGITS_ONLY_LAYOUT);
        out.writeInt(StrokePath.POINTS);
        out.writeInt(StrokePath.CHANNELS);
        try (Model model = Model.newInstance("digits-only")) {
            model.setBlock(StrokeNet.build(StrokeNet.CLASSES - 1));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, StrokeNet.INPUT_SHAPE);
            model.getBlock().saveParameters(out);
        }
        out.flush();
        return Files.write(file, bytes.toByteArray());
    }
}
