package app.digitpad.ml.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Checks a saved parameter stream ({@code Block.saveParameters}) before DJL reads it. DJL allocates
 * what a stream says before reading it (an array of any length for a shape, a direct buffer of any
 * size) and hands PyTorch a buffer with whatever shape the stream claims, so a damaged file could
 * exhaust the memory or make the engine read past a buffer. Here the stream is read alongside the
 * one the initialized block writes itself, walking the block tree as {@code loadParameters} does,
 * and must match it exactly (block versions, metadata, parameter names, data types, shapes, data
 * lengths) except for the batch size in recorded input shapes and the weights' values, which must
 * be finite. Nothing is allocated from the file's numbers.
 */
final class ParameterCheck {
    /** Largest size a layer without parameters may record for one dimension of its input. */
    private static final long MAX_SIZE = 1 << 16;

    private final DataInputStream expected;
    private final Cursor file;
    private final byte[] bytes;

    private ParameterCheck(byte[] template, byte[] bytes) {
        this.expected = new DataInputStream(new ByteArrayInputStream(template));
        this.file = new Cursor(bytes);
        this.bytes = bytes;
    }

    /** What the initialized {@code block} writes: the stream a file for it must match. */
    static byte[] template(Block block) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        block.saveParameters(new DataOutputStream(out));
        return out.toByteArray();
    }

    /** @throws MalformedModelException naming the first difference, in one line */
    static void check(Block block, byte[] template, byte[] bytes) throws MalformedModelException {
        ParameterCheck check = new ParameterCheck(template, bytes);
        try {
            check.block(block, "network");
            if (check.file.in.available() > 0) {
                throw check.malformed(check.file.in.available() + " bytes more than the network's parameters");
            }
        } catch (EOFException e) {
            throw check.malformed("the parameters end early");
        } catch (IOException e) {
            throw check.malformed(e.toString());
        }
    }

    private void block(Block block, String where) throws IOException, MalformedModelException {
        same(expected.readByte(), file.in.readByte(), where + " version");
        if (block instanceof LambdaBlock) { // its loadParameters reads this and nothing else
            // Any sizes: a layer without parameters allocates nothing from them, and files saved
            // before fast-cnn pooled ahead of its first ReLU record those two layers' inputs swapped.
            inputShapes(where, true);
            return;
        } else if (block instanceof SequentialBlock) {
            inputShapes(where, false);
            same(expected.readByte(), file.in.readByte(), where + " flag"); // a boolean
        } else if (block instanceof Convolution || block instanceof Dropout) {
            inputShapes(where, false);
        } else if (block instanceof BatchNorm) {
            inputShapes(where, false);
            same(expected.readLong(), file.in.readLong(), where + " channels");
        } else if (block instanceof Linear) {
            same(expected.readLong(), file.in.readLong(), where + " units");
            same(expected.readLong(), file.in.readLong(), where + " input features");
            shape(where + " input shape", true);
        } else {
            // a new kind of layer in Architecture: teach this check its metadata (ModelFilesTest covers every architecture)
            throw new IllegalStateException("no parameter check for " + block.getClass().getName());
        }
        for (Parameter parameter : block.getDirectParameters().values()) {
            parameter(where + " " + parameter.getName());
        }
        int child = 0;
        for (Block each : block.getChildren().values()) {
            block(each, where + "." + child++);
        }
    }

    private void inputShapes(String where, boolean anySizes) throws IOException, MalformedModelException {
        int count = expected.readInt();
        same(count, file.in.readInt(), where + " input shape count");
        for (int i = 0; i < count; i++) {
            shape(where + " input shape", true, anySizes);
        }
    }

    /** A shape as {@code Shape.getEncoded} writes it; {@code batchFirst}: its first size is a batch size, any positive one. */
    private void shape(String what, boolean batchFirst) throws IOException, MalformedModelException {
        shape(what, batchFirst, false);
    }

    /** @param anySizes sizes after the batch's may differ from the network's (positive, at most {@link #MAX_SIZE}) */
    private void shape(String what, boolean batchFirst, boolean anySizes) throws IOException, MalformedModelException {
        int rank = expected.readInt();
        same(rank, file.in.readInt(), what + " rank");
        for (int i = 0; i < rank; i++) {
            long size = expected.readLong();
            long actual = file.in.readLong();
            if (batchFirst && i == 0) {
                if (actual < 1) {
                    throw malformed(what + " has batch size " + actual);
                }
            } else if (anySizes) {
                if (actual < 1 || actual > MAX_SIZE) {
                    throw malformed(what + " size " + i + " is " + actual);
                }
            } else {
                same(size, actual, what + " size " + i);
            }
        }
        int layout = expected.readInt();
        same(layout, file.in.readInt(), what + " layout length");
        for (int i = 0; i < layout; i++) {
            same(expected.readChar(), file.in.readChar(), what + " layout");
        }
    }

    /** A parameter as {@code Parameter.save} writes it, and its array as {@code NDArray.encode} does. */
    private void parameter(String what) throws IOException, MalformedModelException {
        char mark = expected.readChar();
        same(mark, file.in.readChar(), what + " mark");
        if (mark == 'N') { // not initialized: nothing follows
            return;
        }
        same(expected.readByte(), file.in.readByte(), what + " version");
        same(expected.readUTF(), file.in.readUTF(), "parameter name");
        same(expected.readUTF(), file.in.readUTF(), what + " array mark");
        same(expected.readInt(), file.in.readInt(), what + " array version");
        byte named = expected.readByte();
        same(named, file.in.readByte(), what + " name flag");
        if (named == 1) {
            same(expected.readUTF(), file.in.readUTF(), what + " array name");
        }
        same(expected.readUTF(), file.in.readUTF(), what + " sparse format");
        String dataType = expected.readUTF();
        same(dataType, file.in.readUTF(), what + " data type");
        shape(what + " shape", false);
        expected.readByte();
        byte order = file.in.readByte();
        if (order != '<' && order != '>') {
            throw malformed(what + " byte order '" + (char) order + "'");
        }
        int length = expected.readInt();
        same(length, file.in.readInt(), what + " data length");
        if (file.in.available() < length) {
            throw malformed("the parameters end early, in " + what);
        }
        if (DataType.valueOf(dataType) == DataType.FLOAT32) {
            FloatBuffer values = ByteBuffer.wrap(bytes, file.position(), length)
                    .order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            for (int i = 0; i < values.limit(); i++) {
                if (!Float.isFinite(values.get(i))) {
                    throw malformed(what + " holds " + values.get(i) + " at " + i);
                }
            }
        }
        expected.skipNBytes(length);
        file.in.skipNBytes(length);
    }

    private void same(long expectedValue, long actual, String what) throws MalformedModelException {
        if (expectedValue != actual) {
            throw malformed(what + " is " + actual + ", expected " + expectedValue);
        }
    }

    private void same(String expectedValue, String actual, String what) throws MalformedModelException {
        if (!expectedValue.equals(actual)) {
            throw malformed(what + " is '" + printable(actual) + "', expected '" + expectedValue + "'");
        }
    }

    private MalformedModelException malformed(String what) {
        return new MalformedModelException(what + " (parameter byte " + file.position() + ")");
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** The file's bytes with the read position exposed, for the weights' finiteness check. */
    private static final class Cursor extends ByteArrayInputStream {
        final DataInputStream in = new DataInputStream(this);

        Cursor(byte[] bytes) {
            super(bytes);
        }

        int position() {
            return pos;
        }
    }
}
