package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PictureInkTest {
    /** Encodes as PNG and decodes again, as a picture from disk arrives. */
    private static BufferedImage viaPng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void aGreyMnistStylePngKeepsItsGreyLevels() throws IOException {
        // MNIST-style: light ink on black with antialiased edges; Java2D's getRGB would turn 128 into 188
        BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        int[] levels = {0, 64, 128, 200, 255};
        for (int x = 0; x < levels.length; x++) {
            raster.setSample(10 + x, 14, 0, levels[x]);
        }
        GrayImage ink = MnistPreprocessor.fromBufferedImage(viaPng(grey));
        for (int x = 0; x < levels.length; x++) {
            assertEquals(levels[x] / 255f, ink.at(10 + x, 14), 1e-6, "level " + levels[x]);
        }
        assertEquals(0f, ink.at(0, 0));
    }

    @Test
    void aGreyPngOnWhitePaperIsInverted() throws IOException {
        BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = grey.getRaster();
        for (int i = 0; i < 28 * 28; i++) {
            raster.setSample(i % 28, i / 28, 0, 65535);
        }
        raster.setSample(14, 14, 0, 0);
        raster.setSample(15, 14, 0, 16384);
        GrayImage ink = MnistPreprocessor.fromBufferedImage(viaPng(grey));
        assertEquals(1f, ink.at(14, 14), 1e-6);
        assertEquals(1 - 16384 / 65535f, ink.at(15, 14), 1e-6);
        assertEquals(0f, ink.at(0, 0), 1e-6);
    }

    @Test
    void transparencyIsWhitePaperForGreyAndColourPictures() throws IOException {
        // grey + alpha: transparent background, opaque black ink and half-transparent black ink
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage greyAlpha = new BufferedImage(model, model.createCompatibleWritableRaster(28, 28), false, null);
        greyAlpha.getRaster().setPixel(14, 14, new int[] {0, 255});
        greyAlpha.getRaster().setPixel(15, 14, new int[] {0, 102});
        // colour + alpha: the same
        BufferedImage argb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(14, 14, 0xff000000);
        argb.setRGB(15, 14, 0x66000000);
        for (BufferedImage picture : new BufferedImage[] {greyAlpha, argb}) {
            GrayImage ink = MnistPreprocessor.fromBufferedImage(viaPng(picture));
            assertEquals(1f, ink.at(14, 14), 1e-6);
            assertEquals(0.4f, ink.at(15, 14), 1e-6);
            assertEquals(0f, ink.at(0, 0), 1e-6);
        }
    }

    @Test
    void colourPicturesUseTheirLuminance() throws IOException {
        BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 28, 28);
        g.setColor(new Color(0, 0, 255)); // blue ink on white paper: dark, so inked
        g.fillRect(10, 10, 5, 5);
        g.dispose();
        GrayImage ink = MnistPreprocessor.fromBufferedImage(viaPng(rgb));
        assertEquals(1 - 0.114f, ink.at(12, 12), 1e-3);
        assertEquals(0f, ink.at(0, 0), 1e-6);
    }
}
