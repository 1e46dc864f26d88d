package app.digitpad.ml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One direct buffer, kept for a whole loop, through which heap floats reach PyTorch. DJL hands a
 * direct buffer to the engine as it is, where {@code create(float[], ...)} allocates a new direct
 * buffer for every array that only the garbage collector frees (tens of MB a second of native
 * memory waiting for a collection while training). The array made from it must be closed before
 * the next {@link #create}, which overwrites the buffer. Not thread-safe.
 */
public final class DirectBatch {
    private ByteBuffer buffer;

    /** An array of {@code shape} holding the first {@code shape.size()} of {@code values}, in {@code manager}. */
    public NDArray create(NDManager manager, float[] values, Shape shape) {
        return create(manager, values, 0, shape);
    }

    /** An array of {@code shape} holding {@code shape.size()} of {@code values} from {@code offset}, in {@code manager}. */
    public NDArray create(NDManager manager, float[] values, int offset, Shape shape) {
        int count = Math.toIntExact(shape.size());
        if (buffer == null || buffer.capacity() < count * Float.BYTES) {
            buffer = ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        buffer.asFloatBuffer().put(values, offset, count);
        buffer.limit(count * Float.BYTES);
        return manager.create(buffer, shape, DataType.FLOAT32);
    }
}
