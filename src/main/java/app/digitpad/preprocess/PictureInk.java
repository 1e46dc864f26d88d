package app.digitpad.preprocess;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Reads the ink of a picture of a digit: luminance, composited on white paper where transparent,
 * inverted when the background (judged by the mean of the border pixels) is light, so that a dark
 * digit on white paper and an MNIST-style light digit on black both give ink = 1.
 */
final class PictureInk {
    private PictureInk() {}

    static GrayImage read(BufferedImage picture) {
        float[] paper = isPlainGray(picture.getColorModel()) ? grayLevels(picture) : rgbLuminance(picture);
        invertIfLightBackground(paper, picture.getWidth(), picture.getHeight());
        return new GrayImage(picture.getWidth(), picture.getHeight(), paper);
    }

    /**
     * Java2D treats grey images (as ImageIO decodes grey PNGs) as linear light, so getRGB would
     * gamma-encode them and turn a stored 128 into 188, fattening every antialiased edge. A file's
     * grey levels mean what a viewer shows, so those are read straight from the raster.
     */
    private static boolean isPlainGray(ColorModel model) {
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel)
                && model.getNumColorComponents() == 1;
    }

    /** Grey levels (and alpha, if any) in [0, 1], 1 = white, transparent = white paper. */
    private static float[] grayLevels(BufferedImage picture) {
        ColorModel model = picture.getColorModel();
        Raster raster = picture.getRaster();
        int w = picture.getWidth();
        int h = picture.getHeight();
        double grayMax = (1L << model.getComponentSize(0)) - 1;
        boolean alpha = model.hasAlpha();
        double alphaMax = alpha ? (1L << model.getComponentSize(1)) - 1 : 1;
        float[] levels = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gray = raster.getSample(x, y, 0) / grayMax;
                double a = alpha ? raster.getSample(x, y, 1) / alphaMax : 1;
                // premultiplied grey already carries its alpha
                double onPaper = (model.isAlphaPremultiplied() ? gray : gray * a) + (1 - a);
                levels[y * w + x] = (float) Math.min(1, onPaper);
            }
        }
        return levels;
    }

    /** Rec. 601 luma of the sRGB colours, composited on white, in [0, 1]. */
    private static float[] rgbLuminance(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        float[] levels = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = picture.getRGB(x, y);
                double a = (argb >>> 24) / 255.0;
                double luma = (0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff)) / 255.0;
                levels[y * w + x] = (float) (luma * a + (1 - a));
            }
        }
        return levels;
    }

    /** Turns paper levels (1 = white) into ink (1 = ink), unless the picture is already light on dark. */
    private static void invertIfLightBackground(float[] levels, int w, int h) {
        double border = 0;
        int count = 0;
        for (int x = 0; x < w; x++) {
            border += levels[x] + levels[(h - 1) * w + x];
            count += 2;
        }
        for (int y = 0; y < h; y++) {
            border += levels[y * w] + levels[y * w + w - 1];
            count += 2;
        }
        if (border / count > 0.5) {
            for (int i = 0; i < levels.length; i++) {
                levels[i] = 1 - levels[i];
            }
        }
    }
}
