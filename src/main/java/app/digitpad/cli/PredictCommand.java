package app.digitpad.cli;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.NoInkException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** {@code predict MODEL IMAGE...}: each picture goes through the pad's MNIST normalization, then the model. */
final class PredictCommand {
    private final PrintStream out;

    PredictCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> arguments) throws Exception {
        if (arguments.size() < 2) {
            throw new UsageException("predict needs a model file (or 'bundled') and at least one image.");
        }
        // Read every image first: a bad file fails the command before the engine starts.
        List<Path> files = arguments.subList(1, arguments.size()).stream().map(Path::of).toList();
        float[][] inputs = new float[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            inputs[i] = read(files.get(i));
        }
        try (DigitClassifier classifier = Main.loadModel(arguments.get(0))) {
            for (int i = 0; i < files.size(); i++) {
                float[] p = classifier.predict(inputs[i]);
                Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
                java.util.Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
                out.printf("%s: %d (%.1f%%), %d (%.1f%%), %d (%.1f%%)%n", files.get(i), order[0], p[order[0]] * 100,
                        order[1], p[order[1]] * 100, order[2], p[order[2]] * 100);
            }
        }
        return 0;
    }

    private static float[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file.");
        }
        BufferedImage picture;
        try {
            picture = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not a readable image (" + e.getMessage() + ").", e);
        }
        if (picture == null) {
            throw new IOException(file + " is not an image DigitPad can read (PNG, JPEG, GIF or BMP).");
        }
        try {
            return MnistPreprocessor.normalize(MnistPreprocessor.fromBufferedImage(picture));
        } catch (NoInkException e) {
            throw new IOException(file + " shows no digit: " + e.getMessage() + ".", e);
        }
    }
}
