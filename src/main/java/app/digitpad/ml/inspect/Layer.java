package app.digitpad.ml.inspect;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One layer of a network as the summary lists it. Shapes are for one image, without the batch
 * dimension. {@code parameters} counts every number the layer holds, {@code runningStatistics}
 * the part of it that batch norm averages during training rather than learns by gradient.
 * {@code multiplyAdds} is for one image: a convolution or dense layer's products, one per element
 * for batch norm (in inference it is a scale and a shift); ReLU, pooling and reshapes only compare
 * or move numbers and count 0.
 */
public record Layer(int index, LayerKind kind, String title, long[] inputShape, long[] outputShape, long parameters,
        long runningStatistics, long multiplyAdds) {

    /** Number of values in the output of one image. */
    public long outputSize() {
        long n = 1;
        for (long d : outputShape) {
            n *= d;
        }
        return n;
    }

    /** Like "32×14×14". */
    public String outputText() {
        return shapeText(outputShape);
    }

    /** A value as the view prints it: three significant figures or so. */
    public static String valueText(float v) {
        float a = Math.abs(v);
        return a == 0 ? "0" : a >= 100 ? String.format("%.0f", v) : a >= 10 ? String.format("%.1f", v)
                : a >= 0.01 ? String.format("%.2f", v) : String.format("%.1e", v);
    }

    public static String shapeText(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("×"));
    }
}
