package app.digitpad.ui.network;

import java.nio.IntBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Numbers as grey pictures, one image pixel per value. The grey levels are the data (black = the
 * low end of the scale, white = the high end, as the model's-eye preview shows ink), so they are
 * not theme colours.
 */
final class Tiles {
    private Tiles() {}

    /** Tiles per row of a mosaic: keeps even 256 tiles of 28x28 well inside any texture size limit. */
    static final int COLUMNS = 16;

    /** An image for {@code count} tiles of w x h, {@link #COLUMNS} to a row. */
    static WritableImage newMosaic(int count, int w, int h) {
        int columns = Math.min(count, COLUMNS);
        int rows = (count + COLUMNS - 1) / COLUMNS;
        return new WritableImage(columns * w, rows * h);
    }

    /** Left edge of tile {@code i} in its mosaic. */
    static int left(int i, int w) {
        return i % COLUMNS * w;
    }

    /** Top edge of tile {@code i} in its mosaic. */
    static int top(int i, int h) {
        return i / COLUMNS * h;
    }

    /**
     * Writes {@code count} maps of w x h ({@code values} in map, row, column order) into
     * {@code mosaic} (from {@link #newMosaic}), on the one scale [low, high]; null clears it to black.
     */
    static void mosaic(WritableImage mosaic, float[] values, int count, int w, int h, float low, float high) {
        int width = (int) mosaic.getWidth();
        int height = (int) mosaic.getHeight();
        int[] argb = new int[width * height];
        float range = high - low;
        for (int c = 0; c < count; c++) {
            int left = left(c, w);
            int top = top(c, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float t = values == null || range <= 0 ? 0 : (values[(c * h + y) * w + x] - low) / range;
                    int v = Math.round(Math.max(0, Math.min(1, t)) * 255);
                    argb[(top + y) * width + left + x] = 0xff000000 | v << 16 | v << 8 | v;
                }
            }
        }
        mosaic.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), width);
    }
}
