package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import app.digitpad.MachineLoad;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.model.EngineThreads;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.Bf16Forward;
import app.digitpad.ml.train.LoopProfile;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrainingRunTest {
    private static final TrainingConfig SMALL = new TrainingConfig(
            Architecture.SEED_CNN, 1, 64, 0.001f, Schedule.CONSTANT, 7, 2_000, 1_000, false, TrainingData.MNIST);

    @Test
    void seedCnnOnTwoThousandImagesForOneEpochBeatsEightyFivePercentOnOtherImages() throws Exception {
        List<BatchProgress> batches = new ArrayList<>();
        List<EpochResult> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                batches.add(progress);
            }

            @Override
            public void onEpoch(EpochResult result) {
                epochs.add(result);
            }
        };
        try (TrainingResult result = new TrainingRun(SMALL, TestData.train(), TestData.test(), listener).run()) {
            assertEquals(2_000 / 64, batches.size(), "one event per batch");
            assertEquals(1, epochs.size());
            BatchProgress last = batches.get(batches.size() - 1);
            assertEquals(1.0, last.fraction(), 1e-9);
            assertEquals(0, last.etaMillis(), 50);
            // The 1,000 test images were never trained on; check the returned model itself, not only the run's figure.
            Evaluation evaluation = Evaluator.evaluate(result.classifier(), TestData.test().slice(0, 1_000));
            assertTrue(evaluation.accuracy() > 0.85, "accuracy " + evaluation.accuracy());
            assertEquals(evaluation.accuracy(), epochs.get(0).testAccuracy(), 1e-6);
            assertEquals(1_000, result.classifier().metadata().testImages());
        }
    }

    @Test
    void aRunInFrontOfTheUserTrainsLeavingOneCoreAndTestsWithAll() throws Exception {
        ai.djl.engine.Engine.getInstance();
        int before = JniUtils.getNumThreads();
        int whileTraining = EngineThreads.threads(before, Runtime.getRuntime().availableProcessors());
        List<Integer> batchThreads = new ArrayList<>();
        List<Integer> epochThreads = new ArrayList<>();
        TrainingConfig config = SMALL.withEpochs(2).withLimits(256, 200);
        TrainingRun run = new TrainingRun(config, TestData.train(), TestData.test(), new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                batchThreads.add(JniUtils.getNumThreads());
            }

            @Override
            public void onEpoch(EpochResult result) { // after the epoch's test pass
                epochThreads.add(JniUtils.getNumThreads());
            }
        }).leavingOneCoreWhileTraining();
        try (TrainingResult result = run.run()) {
            assertEquals(java.util.Collections.nCopies(8, whileTraining), batchThreads, "2 epochs of 4 batches");
            assertEquals(List.of(before, before), epochThreads);
        }
        assertEquals(before, JniUtils.getNumThreads());
    }

    /** In the app on two cores with bfloat16, a second thread takes a third of each batch; the run still learns. */
    @Test
    void fastCnnInFrontOfTheUserSplitsItsBatchesOnTwoCoresAndLearns() throws Exception {
        TrainingConfig config = new TrainingConfig(Architecture.FAST_CNN, 1, 96, 0.01f, Schedule.ONE_CYCLE, 7, 3_000, 1_000,
                false, TrainingData.MNIST);
        TrainingRun run = new TrainingRun(config, TestData.train(), TestData.test(), TrainingListener.NONE)
                .leavingOneCoreWhileTraining();
        try (TrainingResult result = run.run()) {
            boolean splits = Bf16Forward.describe().contains("bfloat16") && EngineThreads.leavesOneThreadBesideAnotherCore();
            assertEquals(splits, run.profile().nanos(LoopProfile.Phase.PARTNER) > 0, "split where it applies: " + splits);
            double accuracy = Evaluator.evaluate(result.classifier(), TestData.test().slice(0, 1_000)).accuracy();
            assertTrue(accuracy > 0.9, "accuracy " + accuracy);
        }
    }

    @Test
    void cancelStopsBeforeTheNextBatch() {
        List<BatchProgress> seen = new ArrayList<>();
        TrainingRun[] run = new TrainingRun[1];
        run[0] = new TrainingRun(SMALL.withEpochs(3), TestData.train(), TestData.test(), new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                seen.add(progress);
                if (progress.batch() == 3) {
                    run[0].cancel();
                }
            }
        });
        TrainingCancelledException e = assertThrows(TrainingCancelledException.class, () -> run[0].run());
        assertEquals(3, seen.size(), "no batch runs after cancel");
        assertTrue(e.getMessage().contains("batch 4"), e.getMessage());
    }

    @Test
    void cancelDuringTheTestPassStopsWithinTwoHundredMilliseconds() {
        // one training batch, then the whole 10,000-image test pass, cancelled from another thread 30 ms into it
        TrainingConfig config = TrainingConfig.defaults().withLimits(128, 0);
        AtomicLong cancelledAt = new AtomicLong();
        List<EpochResult> epochs = new ArrayList<>();
        TrainingRun[] run = new TrainingRun[1];
        run[0] = new TrainingRun(config, TestData.train(), TestData.test(), new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                if (progress.batch() == progress.batchesPerEpoch()) {
                    Thread canceller = new Thread(() -> {
                        try {
                            Thread.sleep(30);
                        } catch (InterruptedException e) {
                            return;
                        }
                        cancelledAt.set(System.nanoTime());
                        run[0].cancel();
                    });
                    canceller.setDaemon(true);
                    canceller.start();
                }
            }

            @Override
            public void onEpoch(EpochResult result) {
                epochs.add(result);
            }
        });
        TrainingCancelledException e = assertThrows(TrainingCancelledException.class, () -> run[0].run());
        long stopMillis = (System.nanoTime() - cancelledAt.get()) / 1_000_000;
        assertTrue(e.getMessage().contains("during the test evaluation"), e.getMessage());
        assertTrue(epochs.isEmpty(), "the test pass did not finish");
        if (MachineLoad.oversubscribed()) {
            System.err.println("Cancel during the test pass: stopped after " + stopMillis + " ms; not held to 200 ms at "
                    + MachineLoad.describe());
        } else {
            assertTrue(stopMillis < 200, "stopped " + stopMillis + " ms after cancel");
        }
    }

    @Test
    void invalidConfigurationsAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SMALL.withEpochs(0));
        assertTrue(e.getMessage().contains("epochs"));
        e = assertThrows(IllegalArgumentException.class, () -> SMALL.withLearningRate(-1));
        assertTrue(e.getMessage().contains("learning rate"));
        e = assertThrows(IllegalArgumentException.class, () -> Architecture.fromId("resnet"));
        assertTrue(e.getMessage().contains("resnet"));
        e = assertThrows(IllegalArgumentException.class,
                () -> SMALL.withArchitecture(Architecture.FAST_CNN).withBatchSize(1));
        assertTrue(e.getMessage().contains("at least 2 images a batch"), e.getMessage());
        SMALL.withArchitecture(Architecture.LENET5).withBatchSize(1); // no batch norm: one image a batch is a batch
    }
}
