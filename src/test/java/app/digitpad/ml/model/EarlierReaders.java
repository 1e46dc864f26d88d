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
 * Stroke reader files as earlier versions saved them, such as teach mode kept beside personal models:
 * before "not a digit" (layout 2, ten outputs), or before the pen's hooks were cut off (layout 3).
 * Freshly initialized, for tests of what still reads them.
 */
public final class EarlierReaders {
    private EarlierReaders() {}

    /** Writes a digits-only (layout 2) file at {@code file} and returns it. */
    public static Path write(Path file) throws IOException {
        return write(file, StrokeNet.DIGITS_ONLY_LAYOUT);
    }

    /** Writes a file of an earlier {@code layout} at {@code file} and returns it. */
    public static Path write(Path file, int layout) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("DigitPad stroke reader");
        out.writeInt(layout);
        out.writeInt(StrokePath.POINTS);
        out.writeInt(StrokePath.CHANNELS);
        try (Model model = Model.newInstance("earlier-reader")) {
            model.setBlock(StrokeNet.build(StrokeNet.classes(layout)));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, StrokeNet.INPUT_SHAPE);
            model.getBlock().saveParameters(out);
        }
        out.flush();
        return Files.write(file, bytes.toByteArray());
    }
}
