package app.digitpad.ui.network;

import java.nio.IntBuffer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Numbers as grey pictures, one image pixel per value, shown enlarged without smoothing. The grey
 * levels are the data (black = the low end of the scale, white = the high end, as the model's-eye
 * preview shows ink), so they are not theme colours.
 */
final class Tiles {
    private Tiles() {}

    static ImageView view(int width, int height, double scale) {
        ImageView view = new ImageView(new WritableImage(width, height));
        view.setSmooth(false);
        view.setFitWidth(width * scale);
        view.setFitHeight(height * scale);
        return view;
    }

    /**
     * Writes {@code values[offset .. offset + w*h)} into {@code view}'s image, {@code low} black and
     * {@code high} white; null values clear it to black.
     */
    static void gray(ImageView view, float[] values, int offset, float low, float high) {
        WritableImage image = (WritableImage) view.getImage();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        float range = high - low;
        for (int i = 0; i < argb.length; i++) {
            float t = values == null || range <= 0 ? 0 : (values[offset + i] - low) / range;
            int v = Math.round(Math.max(0, Math.min(1, t)) * 255);
            argb[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
    }

    /**
     * Writes {@code channels} maps of w x h ({@code values} in channel, row, column order) side by
     * side into {@code mosaic}, on the one scale [low, high]; null clears it to black.
     */
    static void mosaic(WritableImage mosaic, float[] values, int channels, int w, int h, float low, float high) {
        int width = channels * w;
        int[] argb = new int[width * h];
        float range = high - low;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float t = values == null || range <= 0 ? 0 : (values[(c * h + y) * w + x] - low) / range;
                    int v = Math.round(Math.max(0, Math.min(1, t)) * 255);
                    argb[y * width + c * w + x] = 0xff000000 | v << 16 | v << 8 | v;
                }
            }
        }
        mosaic.getPixelWriter().setPixels(0, 0, width, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), width);
    }

    /** Signed values: 0 mid-grey, {@code -magnitude} black, {@code +magnitude} white. */
    static void signed(ImageView view, float[] values, float magnitude) {
        gray(view, values, 0, -magnitude, magnitude);
    }
}
