package app.digitpad.ml.data;

import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The pen-written samples that "MNIST + pen digits" trains on: UNIPEN digits and non-digits
 * (letters, symbols) by writers who are never in the validation split. They ship with the app
 * ({@code assets/pendigits}, {@code assets/nondigits}), so training needs no download.
 */
public record PenTrainingSet(List<PenDigit> digits, List<PenDigit> nonDigits) {
    public static final String DIGITS_RESOURCE = "/digitpad/pendigits/train.jsonl.gz";
    public static final String NON_DIGITS_RESOURCE = "/digitpad/nondigits/train.jsonl.gz";

    public PenTrainingSet {
        for (PenDigit digit : digits) {
            if (!digit.isDigit()) {
                throw new IllegalArgumentException("the pen-digit data holds a non-digit (" + digit.id() + ")");
            }
        }
        for (PenDigit other : nonDigits) {
            if (other.isDigit()) {
                throw new IllegalArgumentException("the non-digit data holds a digit (" + other.id() + ")");
            }
        }
        digits = List.copyOf(digits);
        nonDigits = List.copyOf(nonDigits);
    }

    /** The digits, then the non-digits. */
    public List<PenDigit> all() {
        List<PenDigit> all = new ArrayList<>(digits);
        all.addAll(nonDigits);
        return all;
    }

    /** The sets shipped inside the app. */
    public static PenTrainingSet loadBundled() throws IOException {
        return new PenTrainingSet(resource(DIGITS_RESOURCE), resource(NON_DIGITS_RESOURCE));
    }

    /** Sets from files of the same format (gzipped when they end in .gz). */
    public static PenTrainingSet load(Path digits, Path nonDigits) throws IOException {
        return new PenTrainingSet(file(digits, true), file(nonDigits, false));
    }

    private static List<PenDigit> file(Path path, boolean digits) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new DatasetException("Pen-data file " + path + " does not exist.");
        }
        List<PenDigit> samples = PenDigits.load(path);
        if (samples.isEmpty()) {
            throw new DatasetException("Pen-data file " + path + " holds no samples.");
        }
        for (PenDigit sample : samples) {
            if (sample.isDigit() != digits) {
                throw new DatasetException("Pen-data file " + path + " holds a " + (digits ? "non-digit" : "digit")
                        + " (" + sample.id() + "), but it was given as " + (digits ? "digits." : "non-digits."));
            }
        }
        return samples;
    }

    private static List<PenDigit> resource(String name) throws IOException {
        InputStream raw = PenTrainingSet.class.getResourceAsStream(name);
        if (raw == null) {
            throw new DatasetException("The pen training data " + name + " is missing from the application.");
        }
        try (InputStream in = new GZIPInputStream(raw)) {
            return PenDigits.read(in, "bundled " + name);
        }
    }
}
