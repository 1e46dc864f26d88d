package app.digitpad.ml.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OcclusionSaliencyTest {
    private static final int IMAGES = 40;
    private static final int ERASED = 20;

    @Test
    void mapsHaveTheInputsShapeAndABlankInputHasNothingToExplain() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            float[] image = TestData.test().image(0);
            SaliencyMaps maps = classifier.inspect(pass -> OcclusionSaliency.compute(pass, image, new int[] {7, 1}));
            assertEquals(2, maps.maps().length);
            assertEquals(MnistData.PIXELS, maps.of(7).length);
            assertEquals(MnistData.PIXELS, maps.of(1).length);
            assertArrayEquals(log(classifier.predict(image)), maps.logProbabilities(), 1e-4f);
            assertTrue(maps.maxMagnitude() > 0);

            SaliencyMaps blank = classifier.inspect(pass -> OcclusionSaliency.compute(pass, new float[784], new int[] {0}));
            assertEquals(0f, blank.maxMagnitude(), "erasing what is not there changes nothing");
        }
    }

    @Test
    void aCancelledComputationStops() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            float[] image = TestData.test().image(0);
            int[] chunks = {0};
            assertThrows(CancellationException.class, () -> classifier.inspect(pass -> OcclusionSaliency.compute(pass, image,
                    new int[] {7}, () -> {
                        if (++chunks[0] == 2) {
                            throw new CancellationException();
                        }
                    })));
            assertEquals(2, chunks[0], "no chunk after the cancellation");
        }
    }

    /**
     * The check that the map means something: erasing the {@value #ERASED} pixels it ranks highest
     * for the predicted class must lower that class's log-probability clearly more than erasing as
     * many inked pixels chosen at random.
     */
    @Test
    void erasingTheTopRankedPixelsHurtsTheAnswerMoreThanErasingRandomInkShippedFastCnn() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            assertMapsRankInk(classifier, "fast-cnn");
        }
    }

    @Test
    void erasingTheTopRankedPixelsHurtsTheAnswerMoreThanErasingRandomInkMlp() throws Exception {
        TrainingConfig config = new TrainingConfig(Architecture.MLP, 2, 64, 0.001f, Schedule.CONSTANT, 7, 4_000, 1_000, false);
        try (TrainingResult mlp = new TrainingRun(config, TestData.train(), TestData.test(), new TrainingListener() {}).run()) {
            assertMapsRankInk(mlp.classifier(), "mlp");
        }
    }

    private static void assertMapsRankInk(DigitClassifier classifier, String name) throws Exception {
        MnistData test = TestData.test();
        Random random = new Random(3);
        double topSum = 0;
        double randomSum = 0;
        int wins = 0;
        for (int n = 0; n < IMAGES; n++) {
            float[] image = test.image(1000 + n);
            float[] p = classifier.predict(image);
            int cls = Ranking.order(p)[0];
            float[] map = classifier.inspect(pass -> OcclusionSaliency.compute(pass, image, new int[] {cls})).of(cls);
            List<Integer> ink = IntStream.range(0, image.length).filter(i -> image[i] > 0).boxed().toList();
            List<Integer> ranked = new ArrayList<>(ink);
            ranked.sort(Comparator.comparingDouble(i -> -map[i]));
            List<Integer> shuffled = new ArrayList<>(ink);
            java.util.Collections.shuffle(shuffled, random);
            double base = Math.log(p[cls]);
            double topDrop = base - Math.log(classifier.predict(erase(image, ranked.subList(0, ERASED)))[cls]);
            double randomDrop = base - Math.log(classifier.predict(erase(image, shuffled.subList(0, ERASED)))[cls]);
            topSum += topDrop;
            randomSum += randomDrop;
            if (topDrop > randomDrop) {
                wins++;
            }
        }
        System.err.printf("%s: mean log-probability drop, top-ranked %.3f, random %.3f; top-ranked worse on %d of %d%n", name,
                topSum / IMAGES, randomSum / IMAGES, wins, IMAGES);
        assertTrue(topSum > 3 * randomSum, name + ": top-ranked " + topSum / IMAGES + " vs random " + randomSum / IMAGES);
        assertTrue(wins >= IMAGES * 9 / 10, name + ": top-ranked pixels hurt more on only " + wins + " of " + IMAGES);
    }

    private static float[] erase(float[] image, List<Integer> pixels) {
        float[] copy = image.clone();
        for (int i : pixels) {
            copy[i] = 0;
        }
        return copy;
    }

    private static float[] log(float[] p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) Math.log(p[i]);
        }
        return out;
    }
}
