package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import app.digitpad.ml.data.MnistData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    /** Writes MNIST test image {@code index} as a dark-on-white PNG, 4x enlarged, like a scanned digit. */
    private Path png(int index) throws Exception {
        MnistData test = TestData.test();
        BufferedImage image = new BufferedImage(112, 112, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 112; x++) {
                int ink = Math.round(test.pixel(index, (y / 4) * 28 + x / 4) * 255);
                int grey = 255 - ink;
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        Path file = dir.resolve("digit-" + index + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void picturesOfDigitsArePredictedWithTopThree() throws Exception {
        Path seven = png(0); // MNIST test image 0 is a 7
        Path two = png(1); // and image 1 a 2
        assertEquals(0, run("predict", "bundled", seven.toString(), two.toString()), cli.err());
        String[] lines = cli.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith(seven + ": 7 ("), lines[0]);
        assertTrue(lines[1].startsWith(two + ": 2 ("), lines[1]);
        assertEquals(3, lines[0].split("%\\)").length, "three candidates: " + lines[0]);
    }

    @Test
    void aFileThatIsNotAnImageIsNamedWithExitOne() throws Exception {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not a picture");
        assertEquals(1, run("predict", "bundled", text.toString()));
        String errors = cli.err();
        assertTrue(errors.contains("notes.png is not an image"), errors);
    }

    @Test
    void aBlankPictureSaysThereIsNoDigit() throws Exception {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        assertEquals(1, run("predict", "bundled", blank.toString()));
        assertTrue(cli.err().contains("blank.png shows no digit"), cli.err());
    }

    @Test
    void predictWithoutImagesIsAUsageError() {
        assertEquals(2, run("predict", "bundled"));
        assertTrue(cli.err().contains("at least one image"));
    }
}
