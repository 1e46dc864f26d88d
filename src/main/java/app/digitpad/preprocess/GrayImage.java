package app.digitpad.preprocess;

/** A grey-level raster, row-major, 0 = background and 1 = full ink. */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " image with " + pixels.length + " pixels");
        }
    }

    public float at(int x, int y) {
        return pixels[y * width + x];
    }
}
