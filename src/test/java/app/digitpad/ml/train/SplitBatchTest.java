package app.digitpad.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import app.digitpad.ml.TestData;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.net.Architecture;
import org.junit.jupiter.api.Test;

/**
 * A batch split between two threads must train as its two parts would, each on its own with its
 * own batch statistics: gradients summed by the parts' shares of the batch; the running statistics
 * move with the calling thread's part only.
 */
class SplitBatchTest {
    private static final int COUNT = 96;
    private static final int CLASSES = 10;
    private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

    @Test
    void eachPartNeedsTwoImages() {
        assertEquals(64, SplitBatch.partnerCount(192, 1 / 3.0));
        assertEquals(2, SplitBatch.partnerCount(5, 1 / 3.0));
        assertEquals(0, SplitBatch.partnerCount(4, 1 / 3.0), "a part of one image has no batch statistics");
        assertEquals(0, SplitBatch.partnerCount(1, 1 / 3.0));
        assertEquals(0, SplitBatch.partnerCount(12, 0.9), "11 and 1");
        assertEquals(18, SplitBatch.partnerCount(20, 0.9));
    }

    @Test
    void trainsAsItsTwoPartsWouldEachAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            Block first = block(manager);
            Block second = block(manager);
            Block split = block(manager);
            copyParameters(first, second);
            copyParameters(first, split);
            NDArray x = images(manager);
            float[] labels = labels();
            NDArray y = manager.create(labels);
            int theirs = 32;
            int mine = COUNT - theirs;
            float myWeight = mine / (float) COUNT;

            float[] partMine = referencePart(manager, first, x.get(":" + mine), y.get(":" + mine), myWeight);
            float[] partTheirs = referencePart(manager, second, x.get(mine + ":"), y.get(mine + ":"), 1 - myWeight);
            float lossMine = partMine[0];
            float lossTheirs = partTheirs[0];

            TrainingStep.Result result;
            LoopProfile profile = new LoopProfile();
            try (SplitBatch splitter = new SplitBatch(Bf16Forward.load(split, manager), LOSS, theirs / (float) COUNT, manager);
                    NDManager batch = manager.newSubManager()) {
                assertEquals(theirs, splitter.partnerCount(COUNT));
                result = splitter.run(batch, pixels(), labels, COUNT, CLASSES, profile);
            }
            assertEquals(lossMine * myWeight + lossTheirs * (1 - myWeight), result.loss(), 1e-3, "the batch's mean loss");
            assertEquals(partMine[1] + partTheirs[1], result.correct(), 1, "each part's labels (bfloat16 may tip one near tie)");
            assertTrue(profile.nanos(LoopProfile.Phase.FORWARD) > 0 && profile.nanos(LoopProfile.Phase.BACKWARD) > 0);

            for (int i = 0; i < split.getParameters().size(); i++) {
                Pair<String, Parameter> p = split.getParameters().get(i);
                NDArray a = first.getParameters().get(i).getValue().getArray();
                NDArray b = second.getParameters().get(i).getValue().getArray();
                NDArray actual = p.getValue().getArray();
                if (p.getKey().contains("running")) {
                    assertClose(a.toFloatArray(), actual.toFloatArray(), 1e-3, p.getKey() + " moved by the calling thread's part");
                    assertTrue(meanDifference(a.toFloatArray(), b.toFloatArray()) > 1e-4, p.getKey() + ": the parts differ");
                } else if (p.getValue().requiresGradient()) {
                    float[] expected = a.getGradient().add(b.getGradient()).toFloatArray();
                    assertClose(expected, actual.getGradient().toFloatArray(), 0.02, p.getKey() + " gradient of both parts");
                }
            }
        }
    }

    @Test
    void refusesABatchItCannotSplit() {
        try (NDManager manager = NDManager.newBaseManager();
                SplitBatch split = new SplitBatch(Bf16Forward.load(block(manager), manager), LOSS, 1 / 3.0, manager)) {
            assertThrows(IllegalArgumentException.class,
                    () -> split.run(manager, new float[4 * MnistData.PIXELS], new float[4], 4, CLASSES, new LoopProfile()));
        }
    }

    @Test
    void aFailureOnEitherThreadReachesTheCaller() {
        for (String failing : new String[] {"digitpad-training-partner", Thread.currentThread().getName()}) {
            Loss failingLoss = new Loss("failing") {
                @Override
                public NDArray evaluate(NDList labels, NDList predictions) {
                    if (Thread.currentThread().getName().equals(failing)) {
                        throw new IllegalStateException("no loss on " + failing);
                    }
                    return LOSS.evaluate(labels, predictions);
                }
            };
            try (NDManager manager = NDManager.newBaseManager();
                    SplitBatch split = new SplitBatch(Bf16Forward.load(block(manager), manager), failingLoss, 1 / 3.0, manager)) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> split.run(manager, pixels(), labels(), COUNT, CLASSES, new LoopProfile()));
                assertEquals("no loss on " + failing, e.getMessage());
            }
        }
    }

    /**
     * One part through fast-cnn's bfloat16 pass on one thread, alone (how close that pass is to DJL's
     * layers is {@link Bf16ForwardTest}'s): its loss and how many it got right, and its weighted
     * gradients in {@code block}.
     */
    private static float[] referencePart(NDManager manager, Block block, NDArray x, NDArray y, float weight) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = Bf16Forward.load(block, manager).forward(x);
            NDArray loss = LOSS.evaluate(new NDList(y), new NDList(logits));
            collector.backward(loss.mul(weight));
            float correct = logits.argMax(1).toType(DataType.FLOAT32, false).eq(y).sum().toType(DataType.FLOAT32, false).getFloat();
            return new float[] {loss.getFloat(), correct};
        }
    }

    private static Block block(NDManager manager) {
        Block block = Architecture.FAST_CNN.build(CLASSES);
        block.initialize(manager, DataType.FLOAT32, new Shape(COUNT, 1, 28, 28));
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
        return block;
    }

    private static void copyParameters(Block from, Block to) {
        for (int i = 0; i < from.getParameters().size(); i++) {
            from.getParameters().get(i).getValue().getArray().copyTo(to.getParameters().get(i).getValue().getArray());
        }
    }

    private static NDArray images(NDManager manager) {
        return manager.create(pixels(), new Shape(COUNT, 1, 28, 28));
    }

    private static float[] pixels() {
        MnistData train = TestData.train();
        float[] pixels = new float[COUNT * MnistData.PIXELS];
        for (int i = 0; i < COUNT; i++) {
            train.copyImage(i, pixels, i * MnistData.PIXELS);
        }
        MnistNormalizer.normalizeInPlace(pixels, 0, pixels.length);
        return pixels;
    }

    private static double meanDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private static float[] labels() {
        MnistData train = TestData.train();
        float[] labels = new float[COUNT];
        for (int i = 0; i < COUNT; i++) {
            labels[i] = train.label(i);
        }
        return labels;
    }

    private static double meanMagnitude(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += Math.abs(v);
        }
        return sum / values.length;
    }

    /** Within {@code relative} of the expected values' mean magnitude, element by element on average (bfloat16 sums in another order). */
    private static void assertClose(float[] expected, float[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what);
        if (meanMagnitude(expected) < 1e-4) { // a bias before batch norm: no effect, its gradient is rounding noise
            assertTrue(meanMagnitude(actual) < 1e-4, what + ": " + meanMagnitude(actual));
            return;
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += Math.abs(expected[i] - actual[i]);
            scale += Math.abs(expected[i]);
        }
        assertTrue(scale > 0, what + ": nothing to compare");
        assertTrue(diff / scale < relative, what + ": mean relative difference " + diff / scale);
    }
}
