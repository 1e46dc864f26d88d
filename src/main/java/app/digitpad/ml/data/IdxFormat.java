package app.digitpad.ml.data;

import java.nio.ByteBuffer;

/**
 * Checks an IDX file's header and length before DJL reads it: DJL's Mnist skips the header
 * blindly, so a wrong or truncated file would otherwise surface as an obscure shape error.
 */
final class IdxFormat {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    static final int IMAGES_HEADER = 16;
    static final int LABELS_HEADER = 8;

    private IdxFormat() {}

    /** Returns the number of images, after checking magic number, 28x28 size and body length. */
    static int checkImages(String name, byte[] content) throws DatasetException {
        if (content.length < IMAGES_HEADER) {
            throw new DatasetException(name + " is truncated: " + content.length + " bytes, shorter than an IDX image header.");
        }
        ByteBuffer header = ByteBuffer.wrap(content, 0, IMAGES_HEADER);
        int magic = header.getInt();
        if (magic != IMAGES_MAGIC) {
            throw new DatasetException(String.format(
                    "%s is not an IDX image file: magic number 0x%08x, expected 0x%08x.", name, magic, IMAGES_MAGIC));
        }
        int count = header.getInt();
        int rows = header.getInt();
        int cols = header.getInt();
        if (rows != 28 || cols != 28) {
            throw new DatasetException(name + " holds " + rows + "x" + cols + " images, expected 28x28.");
        }
        long expected = IMAGES_HEADER + (long) count * rows * cols;
        if (count < 0 || content.length != expected) {
            throw new DatasetException(name + " is truncated or padded: its header announces " + count
                    + " images (" + expected + " bytes) but it has " + content.length + " bytes.");
        }
        return count;
    }

    /** Returns the number of labels, after checking magic number, length and that each is 0-9. */
    static int checkLabels(String name, byte[] content) throws DatasetException {
        if (content.length < LABELS_HEADER) {
            throw new DatasetException(name + " is truncated: " + content.length + " bytes, shorter than an IDX label header.");
        }
        ByteBuffer header = ByteBuffer.wrap(content, 0, LABELS_HEADER);
        int magic = header.getInt();
        if (magic != LABELS_MAGIC) {
            throw new DatasetException(String.format(
                    "%s is not an IDX label file: magic number 0x%08x, expected 0x%08x.", name, magic, LABELS_MAGIC));
        }
        int count = header.getInt();
        if (count < 0 || content.length != LABELS_HEADER + (long) count) {
            throw new DatasetException(name + " is truncated or padded: its header announces " + count
                    + " labels but it has " + (content.length - LABELS_HEADER) + ".");
        }
        for (int i = LABELS_HEADER; i < content.length; i++) {
            if (content[i] < 0 || content[i] > 9) {
                throw new DatasetException(name + " has label " + content[i] + " at index " + (i - LABELS_HEADER) + ", expected 0-9.");
            }
        }
        return count;
    }
}
