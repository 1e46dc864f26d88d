package app.digitpad.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import app.digitpad.ml.model.DirectBatch;
import app.digitpad.ml.net.Architecture;
import org.slf4j.LoggerFactory;

/**
 * One optimizer step on one batch held in heap arrays: what every training loop in DigitPad does
 * per batch (a training run, and adapting a model to a user's handwriting), written once. The batch
 * reaches PyTorch through buffers kept for the whole loop ({@link DirectBatch}). Not thread-safe; one
 * per training loop, closed after it.
 */
final class TrainingStep implements AutoCloseable {
    /** The loss and how many of the batch the network got right before the step. */
    record Result(float loss, int correct) {}

    private final DirectBatch imageBatch = new DirectBatch();
    private final DirectBatch labelBatch = new DirectBatch();
    private final LoopProfile profile;
    private final Architecture architecture;
    /** One sample's shape, without the batch dimension. */
    private final Shape sample;
    private final double partnerShare;
    private Bf16Forward bf16;
    private SplitBatch split;
    private boolean bf16Chosen;

    TrainingStep(Architecture architecture) {
        this(architecture, new LoopProfile(), 0);
    }

    /** For a network that is not one of the picture {@link Architecture}s, on samples of this shape (no batch dimension). */
    TrainingStep(Shape sample) {
        this(null, sample, new LoopProfile(), 0);
    }

    /**
     * @param profile receives the time of each part of every step
     * @param partnerShare of each batch a second thread takes ({@link SplitBatch}) where the network
     *     trains in bfloat16; 0 for none
     */
    TrainingStep(Architecture architecture, LoopProfile profile, double partnerShare) {
        this(architecture, new Shape(1, 28, 28), profile, partnerShare);
    }

    private TrainingStep(Architecture architecture, Shape sample, LoopProfile profile, double partnerShare) {
        this.architecture = architecture;
        this.sample = sample;
        this.profile = profile;
        this.partnerShare = partnerShare;
    }

    /**
     * Softmax cross-entropy with Adam at the given rate. beta2 0.99 rather than Adam's 0.999: the
     * second-moment estimate forgets the noisy first steps sooner, which measurably helps runs of
     * only a few hundred steps (README sweep).
     */
    static DefaultTrainingConfig config(Tracker rate) {
        return config(rate, Loss.softmaxCrossEntropyLoss());
    }

    /** As {@link #config(Tracker)}, with another loss. */
    static DefaultTrainingConfig config(Tracker rate, Loss loss) {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).optBeta2(0.99f).build());
    }

    /** Forward, backward and step on {@code count} standardized samples (images) with their class labels. */
    Result run(Trainer trainer, float[] images, float[] labels, int count, int classes) {
        chooseForward(trainer);
        long t0 = System.nanoTime();
        float loss;
        int correct;
        long t1;
        long t5;
        long t6;
        try (NDManager batchManager = trainer.getManager().newSubManager()) {
            if (split != null && split.partnerCount(count) > 0) {
                t1 = t0; // the split profiles its own copying in
                Result result = split.run(batchManager, images, labels, count, classes, profile);
                loss = result.loss();
                correct = result.correct();
            } else {
                NDArray x = imageBatch.create(batchManager, images, new Shape(count).addAll(sample));
                NDArray y = labelBatch.create(batchManager, labels, new Shape(count));
                t1 = System.nanoTime();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = bf16 != null ? new NDList(bf16.forward(x)) : trainer.forward(new NDList(x));
                    long t2 = System.nanoTime();
                    NDArray lossValue = trainer.getLoss().evaluate(new NDList(y), predictions);
                    long t3 = System.nanoTime();
                    collector.backward(lossValue);
                    long t4 = System.nanoTime();
                    loss = lossValue.getFloat();
                    correct = countCorrect(predictions.singletonOrThrow().toFloatArray(), labels, classes);
                    profile.add(LoopProfile.Phase.FORWARD, t2 - t1);
                    profile.add(LoopProfile.Phase.LOSS, t3 - t2);
                    profile.add(LoopProfile.Phase.BACKWARD, t4 - t3);
                    profile.add(LoopProfile.Phase.READ_BACK, System.nanoTime() - t4);
                }
            }
            t5 = System.nanoTime();
            trainer.step();
            t6 = System.nanoTime();
        }
        long end = System.nanoTime();
        profile.add(LoopProfile.Phase.COPY_IN, t1 - t0);
        profile.add(LoopProfile.Phase.OPTIMIZER, t6 - t5);
        profile.add(LoopProfile.Phase.FREE, end - t6);
        profile.countBatch(end - t0);
        return new Result(loss, correct);
    }

    /** DJL's layers, or fast-cnn's bfloat16 pass where the CPU has it (split if asked); chosen at the first batch. */
    private void chooseForward(Trainer trainer) {
        if (bf16Chosen) {
            return;
        }
        bf16Chosen = true;
        if (architecture == null) {
            return;
        }
        try {
            bf16 = Bf16Forward.of(architecture, trainer.getModel().getBlock(), trainer.getManager());
        } catch (RuntimeException e) { // a script this PyTorch cannot read: train as everywhere else
            LoggerFactory.getLogger(TrainingStep.class).warn("bfloat16 training unavailable, training in 32-bit", e);
        }
        if (bf16 != null && partnerShare > 0) {
            split = new SplitBatch(bf16, trainer.getLoss(), partnerShare, trainer.getManager());
        }
    }

    @Override
    public void close() {
        if (split != null) {
            split.close();
        }
    }

    static int countCorrect(float[] logits, float[] labels, int classes) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            if (best == (int) labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
