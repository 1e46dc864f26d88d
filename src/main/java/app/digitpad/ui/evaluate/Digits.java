package app.digitpad.ui.evaluate;

import app.digitpad.ml.data.MnistData;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Test images as pictures: each of the 28x28 pixels becomes a sharp block, no smoothing. */
final class Digits {
    private Digits() {}

    /**
     * An image of {@code pixels} (784 values in [0, 1], ink = 1) shown {@code scale} times enlarged.
     * The grey levels are the data itself, drawn as MNIST stores them (white ink on black, as the
     * Draw screen's model's-eye preview does), so they are not a theme colour and are not in CSS.
     */
    static ImageView view(float[] pixels, int scale) {
        ImageView view = new ImageView(image(pixels));
        view.setSmooth(false);
        view.setFitWidth(MnistData.SIDE * scale);
        view.setFitHeight(MnistData.SIDE * scale);
        return view;
    }

    static WritableImage image(float[] pixels) {
        WritableImage image = new WritableImage(MnistData.SIDE, MnistData.SIDE);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < MnistData.SIDE; y++) {
            for (int x = 0; x < MnistData.SIDE; x++) {
                int v = Math.round(Math.max(0, Math.min(1, pixels[y * MnistData.SIDE + x])) * 255);
                writer.setArgb(x, y, 0xff000000 | v << 16 | v << 8 | v);
            }
        }
        return image;
    }
}
