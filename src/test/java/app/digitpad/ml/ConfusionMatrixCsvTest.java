package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.io.AtomicWrite;
import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ml.eval.ConfusionMatrixCsv;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.data.MnistData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixCsvTest {
    @TempDir
    Path dir;

    /** Digit 1: 3 right, 1 taken for 7. Digit 7: 2 right, 2 taken for 1. Digit 4: twice taken for 9, never predicted. */
    private static ConfusionMatrix matrix() {
        ConfusionMatrix m = new ConfusionMatrix();
        add(m, 1, 1, 3);
        add(m, 1, 7, 1);
        add(m, 7, 7, 2);
        add(m, 7, 1, 2);
        add(m, 4, 9, 2);
        return m;
    }

    @Test
    void theWholeFileForAHandMadeMatrix() {
        String expected = String.join("\n",
                "model,\"tiny, \"\"hand made\"\"\"",
                "images,10",
                "accuracy,0.500000",
                "loss,1.250000",
                "",
                "true\\predicted,0,1,2,3,4,5,6,7,8,9",
                "0,0,0,0,0,0,0,0,0,0,0",
                "1,0,3,0,0,0,0,0,1,0,0",
                "2,0,0,0,0,0,0,0,0,0,0",
                "3,0,0,0,0,0,0,0,0,0,0",
                "4,0,0,0,0,0,0,0,0,0,2",
                "5,0,0,0,0,0,0,0,0,0,0",
                "6,0,0,0,0,0,0,0,0,0,0",
                "7,0,2,0,0,0,0,0,2,0,0",
                "8,0,0,0,0,0,0,0,0,0,0",
                "9,0,0,0,0,0,0,0,0,0,0",
                "",
                "digit,precision,recall,f1,support",
                "0,n/a,n/a,n/a,0",
                // precision 3/5, recall 3/4, f1 2*0.6*0.75/1.35 = 0.666667
                "1,0.600000,0.750000,0.666667,4",
                "2,n/a,n/a,n/a,0",
                "3,n/a,n/a,n/a,0",
                // never predicted: no precision (no division by zero), recall 0 of 2
                "4,n/a,0.000000,n/a,2",
                "5,n/a,n/a,n/a,0",
                "6,n/a,n/a,n/a,0",
                "7,0.666667,0.500000,0.571429,4",
                "8,n/a,n/a,n/a,0",
                // predicted twice, never right, never present
                "9,0.000000,n/a,n/a,0",
                "");
        assertEquals(expected, ConfusionMatrixCsv.format(matrix(), 0.5, 1.25, "tiny, \"hand made\""));
    }

    @Test
    void decimalsUseAPointWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String csv = ConfusionMatrixCsv.format(matrix(), 0.5, 1.25, "m");
            assertTrue(csv.contains("accuracy,0.500000\n"), csv);
            assertTrue(csv.contains("1,0.600000,0.750000,0.666667,4\n"), csv);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporaryFile() throws Exception {
        MnistData data = new MnistData(new byte[2 * MnistData.PIXELS], new byte[] {3, 5}, "");
        Evaluation evaluation = Evaluator.evaluate((images, count) -> {
            float[][] rows = new float[count][10];
            for (float[] row : rows) {
                row[3] = 1;
            }
            return rows;
        }, data);
        Path target = dir.resolve("out").resolve("eval.csv");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old contents");
        ConfusionMatrixCsv.write(target, evaluation, "m");
        String written = Files.readString(target, StandardCharsets.UTF_8);
        assertEquals(ConfusionMatrixCsv.format(evaluation, "m"), written);
        assertTrue(written.contains("5,0,0,0,1,0,0,0,0,0,0\n"), written);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "only the CSV, no temporary file");
        }
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Path plain = dir.resolve("plain.txt");
            Files.writeString(plain, "x");
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
                    "an export gets the permissions of any new file, not owner-only ones");
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("keep.csv");
        Files.writeString(target, "old contents");
        assertThrows(IOException.class, () -> AtomicWrite.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old contents", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    private static void add(ConfusionMatrix m, int actual, int predicted, int times) {
        for (int i = 0; i < times; i++) {
            m.add(actual, predicted);
        }
    }
}
