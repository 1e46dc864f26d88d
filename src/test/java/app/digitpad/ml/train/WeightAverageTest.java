package app.digitpad.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import app.digitpad.ml.TestData;
import app.digitpad.ml.model.NoGradient;
import app.digitpad.ml.net.Architecture;
import org.junit.jupiter.api.Test;

class WeightAverageTest {
    @Test
    void theHorizonIsAFifthOfTheRun() {
        assertEquals(0.999, WeightAverage.decay(5000), 1e-12);
        assertEquals(1000, 1 / (1 - WeightAverage.decay(5000)), 1e-6);
        assertEquals(0.0, WeightAverage.decay(3), 1e-12, "a run too short to average keeps its last weights");
    }

    /** Weights that jump from 0 to 1 pull the average towards 1 by 1 - decay^4 every fourth step. */
    @Test
    void theAverageFollowsTheWeightsAndReplacesThemAtTheEnd() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Linear.builder().setUnits(3).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            NDArray weight = block.getParameters().get("weight").getArray();
            try (NoGradient noGradient = NoGradient.begin()) {
                weight.muli(0);
            }
            int totalSteps = 100;
            try (WeightAverage average = new WeightAverage(block, manager, totalSteps)) {
                try (NoGradient noGradient = NoGradient.begin()) {
                    weight.addi(1);
                }
                for (int i = 0; i < WeightAverage.EVERY - 1; i++) {
                    average.update();
                }
                average.copyIntoNetwork();
                assertArrayEquals(new float[6], weight.toFloatArray(), 0f, "no update before the fourth step");

                try (NoGradient noGradient = NoGradient.begin()) {
                    weight.muli(0).addi(1);
                }
                average.update();
                average.copyIntoNetwork();
                float expected = (float) (1 - Math.pow(WeightAverage.decay(totalSteps), WeightAverage.EVERY));
                for (float value : weight.toFloatArray()) {
                    assertEquals(expected, value, 1e-6);
                }
                assertTrue(expected > 0.1 && expected < 0.2, "decay 0.95 over four steps: " + expected);
            }
        }
    }

    /** Long runs average their weights, short ones (a one-epoch default run: 312 steps) do not. */
    @Test
    void onlyRunsOfAThousandStepsOrMoreAreAveraged() throws Exception {
        // a rate an MLP learns at with batches of 4: at the default 0.025 one machine took it to 21% (e94a9fc too)
        TrainingConfig longRun = TrainingConfig.defaults().withArchitecture(Architecture.MLP).withBatchSize(4)
                .withLearningRate(0.003f).withLimits(4 * WeightAverage.MIN_STEPS, 200);
        TrainingRun run = new TrainingRun(longRun, TestData.train(), TestData.test(), TrainingListener.NONE);
        try (TrainingResult result = run.run()) {
            assertEquals(WeightAverage.MIN_STEPS, run.profile().batches());
            assertTrue(run.profile().nanos(LoopProfile.Phase.AVERAGE) > 0);
            assertTrue(result.epochs().get(0).testAccuracy() > 0.7,
                    "the averaged weights still classify: " + result.epochs().get(0).testAccuracy());
        }
        TrainingRun shorter = new TrainingRun(longRun.withLimits(4 * (WeightAverage.MIN_STEPS - 1), 200),
                TestData.train(), TestData.test(), TrainingListener.NONE);
        try (TrainingResult result = shorter.run()) {
            assertEquals(0, shorter.profile().nanos(LoopProfile.Phase.AVERAGE));
        }
    }
}
