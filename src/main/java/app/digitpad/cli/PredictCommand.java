package app.digitpad.cli;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.NoInkException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code predict MODEL IMAGE...}: each picture goes through the pad's MNIST normalization, then the model. */
@Command(name = "predict",
        description = {"Top-3 digits for each image.",
            "Each picture (PNG, JPEG, GIF or BMP; dark ink on a light background or the other way round) is "
                + "normalized as the pad normalizes a drawing, then classified."})
final class PredictCommand implements Callable<Integer>, ExpectsArguments {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "Pictures of single digits.")
    List<Path> images;

    @Override
    public String expectedArguments() {
        return "predict needs a model file (or 'bundled') and at least one image.";
    }

    @Override
    public Integer call() throws Exception {
        // Read every image first: a bad file fails the command before the engine starts.
        float[][] inputs = new float[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            inputs[i] = read(images.get(i));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DigitClassifier classifier = ModelArgument.load(model)) {
            for (int i = 0; i < images.size(); i++) {
                float[] p = classifier.predict(inputs[i]);
                Integer[] order = new Integer[p.length];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
                out.printf("%s: %d (%.1f%%), %d (%.1f%%), %d (%.1f%%)%n", images.get(i), order[0], p[order[0]] * 100,
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
