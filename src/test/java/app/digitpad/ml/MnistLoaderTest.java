package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.dataset.Dataset;
import app.digitpad.ml.data.BundledMnistRepository;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.model.ModelFiles;
import org.junit.jupiter.api.Test;

class MnistLoaderTest {
    @Test
    void bundledTrainingSetLoadsWithMnistsExactLabelCounts() {
        MnistData train = TestData.train();
        assertEquals(60_000, train.size());
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train.labelCounts());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9},
                new int[] {train.label(0), train.label(1), train.label(2), train.label(3), train.label(4)});
        assertEquals(64, train.sha256().length(), "dataset checksum is a SHA-256 hex string");
    }

    /** The files are read as bytes; DJL's Mnist dataset over the same files must see the same set. */
    @Test
    void readingTheBytesGivesWhatDjlsMnistDatasetGives() throws Exception {
        MnistData bytes = TestData.test();
        MnistData djl = MnistLoader.throughDjl(Dataset.Usage.TEST, new BundledMnistRepository(MnistSource.bundled()));
        assertEquals(bytes.size(), djl.size());
        for (int i = 0; i < bytes.size(); i++) {
            assertEquals(bytes.label(i), djl.label(i), "label " + i);
            assertArrayEquals(bytes.image(i), djl.image(i), 0f, "image " + i);
        }
        assertEquals(bytes.sha256(), djl.sha256());
    }

    /** The checksum recorded in model files (the bundled model's training set) is unchanged. */
    @Test
    void theTrainingSetsChecksumIsTheOneTheBundledModelRecorded() throws Exception {
        assertEquals(ModelFiles.describeBundled().metadata().datasetSha256(), TestData.train().sha256());
    }

    @Test
    void bundledTestSetLoadsWithMnistsExactLabelCounts() {
        MnistData test = TestData.test();
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test.labelCounts());
    }

    @Test
    void pixelsAreInUnitRangeWithInkOnDarkBackground() {
        float[] first = TestData.train().image(0);
        float min = 1;
        float max = 0;
        for (float v : first) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertTrue(first[0] == 0f, "corner is background");
    }
}
