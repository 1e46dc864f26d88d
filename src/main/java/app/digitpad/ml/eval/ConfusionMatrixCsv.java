package app.digitpad.ml.eval;

import app.digitpad.ml.io.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * An evaluation as CSV (RFC 4180 quoting, UTF-8, "\n" line ends, "." decimals whatever the
 * locale), in three blocks separated by an empty line:
 *
 * <pre>
 * model,"fast-cnn-12ep (fast-cnn, 99.52% MNIST test accuracy)"
 * images,10000
 * accuracy,0.995200
 * loss,0.012900
 *
 * true\predicted,0,1,2,3,4,5,6,7,8,9
 * 0,978,0,1,1,0,0,0,0,0,0
 * ...
 *
 * digit,precision,recall,f1,support
 * 0,0.995927,0.997959,0.996942,980
 * 4,n/a,0.000000,n/a,2
 * </pre>
 *
 * Rows of the matrix are true digits, columns predicted digits. A metric whose denominator is zero
 * is written {@code n/a}, as the screen shows it.
 */
public final class ConfusionMatrixCsv {
    public static final String NOT_AVAILABLE = "n/a";

    private ConfusionMatrixCsv() {}

    public static String format(ConfusionMatrix matrix, double accuracy, double loss, String model) {
        StringBuilder out = new StringBuilder();
        out.append("model,").append(quote(model)).append('\n');
        out.append("images,").append(matrix.total()).append('\n');
        out.append("accuracy,").append(decimal(accuracy)).append('\n');
        out.append("loss,").append(decimal(loss)).append('\n');
        out.append('\n');
        out.append("true\\predicted");
        for (int p = 0; p < ConfusionMatrix.CLASSES; p++) {
            out.append(',').append(p);
        }
        out.append('\n');
        for (int a = 0; a < ConfusionMatrix.CLASSES; a++) {
            out.append(a);
            for (int p = 0; p < ConfusionMatrix.CLASSES; p++) {
                out.append(',').append(matrix.count(a, p));
            }
            out.append('\n');
        }
        out.append('\n');
        out.append("digit,precision,recall,f1,support\n");
        for (int d = 0; d < ConfusionMatrix.CLASSES; d++) {
            out.append(d).append(',').append(metric(matrix.precision(d))).append(',').append(metric(matrix.recall(d)))
                    .append(',').append(metric(matrix.f1(d))).append(',').append(matrix.support(d)).append('\n');
        }
        return out.toString();
    }

    public static String format(Evaluation evaluation, String model) {
        return format(evaluation.matrix(), evaluation.accuracy(), evaluation.loss(), model);
    }

    /** Writes {@link #format(Evaluation, String)} to {@code target} through a temporary file. */
    public static void write(Path target, Evaluation evaluation, String model) throws IOException {
        byte[] bytes = format(evaluation, model).getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(target, out -> out.write(bytes));
    }

    static String metric(OptionalDouble value) {
        return value.isPresent() ? decimal(value.getAsDouble()) : NOT_AVAILABLE;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** Quotes a field when it holds a comma, a quote or a line break (RFC 4180). */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
