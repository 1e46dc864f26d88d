package app.digitpad.ui;

import app.digitpad.ml.io.AtomicWrite;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes an image as PNG through a temporary file, so a failed write leaves no broken file. */
public final class PngFiles {
    private PngFiles() {}

    public static void write(Path target, BufferedImage image) throws IOException {
        AtomicWrite.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
