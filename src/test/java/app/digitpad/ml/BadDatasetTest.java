package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.DatasetException;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-made IDX files in a folder, loaded through the same DJL path as the bundled set. */
class BadDatasetTest {
    @TempDir
    Path dir;

    @Test
    void aWellFormedFolderLoads() throws IOException {
        writeTestSet(images(12, 12), labels(12));
        MnistData data = new MnistLoader(MnistSource.directory(dir)).test();
        assertEquals(12, data.size());
        assertEquals(3, data.label(3));
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        byte[] images = images(5, 5);
        images[3] = 0x01; // 0x0801 is the label magic
        writeTestSet(images, labels(5));
        DatasetException e = assertThrows(DatasetException.class, () -> new MnistLoader(MnistSource.directory(dir)).test());
        assertMessage(e, "t10k-images-idx3-ubyte.gz", "magic number");
    }

    @Test
    void truncatedImagesAreNamed() throws IOException {
        byte[] images = images(5, 5);
        writeTestSet(java.util.Arrays.copyOf(images, images.length - 100), labels(5));
        DatasetException e = assertThrows(DatasetException.class, () -> new MnistLoader(MnistSource.directory(dir)).test());
        assertMessage(e, "t10k-images-idx3-ubyte.gz", "truncated");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        writeTestSet(images(5, 5), labels(4));
        DatasetException e = assertThrows(DatasetException.class, () -> new MnistLoader(MnistSource.directory(dir)).test());
        assertMessage(e, "5 images", "4 labels");
    }

    @Test
    void labelsOutsideZeroToNineAreRejected() throws IOException {
        byte[] labels = labels(5);
        labels[9] = 12;
        writeTestSet(images(5, 5), labels);
        DatasetException e = assertThrows(DatasetException.class, () -> new MnistLoader(MnistSource.directory(dir)).test());
        assertMessage(e, "t10k-labels-idx1-ubyte.gz", "label 12");
    }

    @Test
    void aFileThatIsNotGzipIsNamed() throws IOException {
        writeTestSet(images(5, 5), labels(5));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), "not a gzip file".getBytes());
        DatasetException e = assertThrows(DatasetException.class, () -> new MnistLoader(MnistSource.directory(dir)).test());
        assertMessage(e, "t10k-labels-idx1-ubyte.gz", "corrupt");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels(5));
        DatasetException e = assertThrows(DatasetException.class, () -> new MnistLoader(MnistSource.directory(dir)).test());
        assertMessage(e, "t10k-images-idx3-ubyte.gz", "does not exist");
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention " + part);
        }
    }

    private void writeTestSet(byte[] images, byte[] labels) throws IOException {
        gzip(dir.resolve("t10k-images-idx3-ubyte.gz"), images);
        gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels);
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    /** An IDX image file announcing {@code declared} images and holding {@code actual}. */
    static byte[] images(int declared, int actual) {
        ByteBuffer header = ByteBuffer.allocate(16).putInt(0x803).putInt(declared).putInt(28).putInt(28);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        for (int i = 0; i < actual * 784; i++) {
            out.write(i % 251);
        }
        return out.toByteArray();
    }

    static byte[] labels(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (i % 10));
        }
        return buffer.array();
    }
}
