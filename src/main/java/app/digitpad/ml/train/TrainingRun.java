package app.digitpad.ml.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
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
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.eval.BatchClassifier;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * One training run of one network on MNIST: the only training loop in DigitPad (CLI, benchmark and
 * UI all use it). It is DJL's EasyTrain step written out so it can stop between any two batches,
 * with batches assembled from heap arrays so augmentation costs no JNI calls.
 */
public final class TrainingRun {
    private final TrainingConfig config;
    private final MnistData train;
    private final MnistData test;
    private final TrainingListener listener;
    private volatile boolean cancelled;
    private int step;

    /**
     * @param train the full training set; {@code config.trainLimit()} picks a seeded subset of it
     * @param test the test set; {@code config.testLimit()} keeps its first images
     */
    public TrainingRun(TrainingConfig config, MnistData train, MnistData test, TrainingListener listener) {
        this.config = config;
        this.train = train;
        this.test = config.testLimit() > 0 && config.testLimit() < test.size() ? test.slice(0, config.testLimit()) : test;
        this.listener = listener;
    }

    /** Asks the run to stop before its next batch; safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public TrainingConfig config() {
        return config;
    }

    public TrainingResult run() throws TrainingCancelledException {
        int[] pool = trainingIndices();
        int batchSize = Math.min(config.batchSize(), pool.length);
        int batches = pool.length / batchSize; // drop the ragged last batch, as DJL's sampler does
        int totalSteps = batches * config.epochs();
        listener.onStart(config, batches * batchSize, test.size());

        Engine.getInstance().setRandomSeed((int) config.seed());
        Tracker rate = numUpdate -> config.schedule().rate(config.learningRate(), step, totalSteps);
        // beta2 0.99 rather than Adam's 0.999: the second-moment estimate forgets the noisy first
        // steps sooner, which measurably helps runs of only a few hundred steps (README sweep).
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).optBeta2(0.99f).build());

        Model model = Model.newInstance(config.architecture().id());
        boolean handedOver = false;
        try {
            model.setBlock(config.architecture().build());
            List<EpochResult> history = new ArrayList<>();
            long start = System.nanoTime();
            long trainingNanos = 0;
            try (Trainer trainer = model.newTrainer(djlConfig)) {
                trainer.initialize(new Shape(batchSize, 1, 28, 28));
                Loss loss = trainer.getLoss();
                Augmenter augmenter = config.augment() ? new Augmenter() : null;
                float[] images = new float[batchSize * MnistData.PIXELS];
                float[] labels = new float[batchSize];
                step = 0;
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    SplittableRandom random = new SplittableRandom(config.seed() * 31 + epoch);
                    Shuffle.inPlace(pool, random);
                    double lossSum = 0;
                    int correct = 0;
                    long epochStart = System.nanoTime();
                    for (int b = 0; b < batches; b++) {
                        if (cancelled) {
                            throw new TrainingCancelledException(epoch, b + 1);
                        }
                        fillBatch(pool, b * batchSize, batchSize, images, labels, augmenter, random);
                        float batchLoss;
                        int batchCorrect;
                        try (NDManager batchManager = trainer.getManager().newSubManager()) {
                            NDArray x = batchManager.create(images, new Shape(batchSize, 1, 28, 28));
                            NDArray y = batchManager.create(labels);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDList predictions = trainer.forward(new NDList(x));
                                NDArray lossValue = loss.evaluate(new NDList(y), predictions);
                                collector.backward(lossValue);
                                batchLoss = lossValue.getFloat();
                                batchCorrect = countCorrect(predictions.singletonOrThrow().toFloatArray(), labels);
                            }
                            trainer.step();
                        }
                        step++;
                        lossSum += batchLoss;
                        correct += batchCorrect;
                        long now = System.nanoTime();
                        double seconds = (trainingNanos + now - epochStart) / 1e9;
                        double rateNow = step * (double) batchSize / seconds;
                        long eta = (long) ((totalSteps - step) * batchSize / rateNow * 1000);
                        listener.onBatch(new BatchProgress(epoch, config.epochs(), b + 1, batches, batchLoss,
                                batchCorrect / (float) batchSize, config.schedule().rate(config.learningRate(), step, totalSteps),
                                rateNow, (now - start) / 1_000_000, eta));
                    }
                    long epochNanos = System.nanoTime() - epochStart;
                    trainingNanos += epochNanos;
                    Evaluation evaluation = evaluate(trainer, epoch);
                    EpochResult result = new EpochResult(epoch, config.epochs(), (float) (lossSum / batches),
                            correct / (float) (batches * batchSize), (float) evaluation.loss(), (float) evaluation.accuracy(),
                            batches * (double) batchSize / (epochNanos / 1e9), (System.nanoTime() - start) / 1_000_000);
                    history.add(result);
                    listener.onEpoch(result);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            EpochResult last = history.get(history.size() - 1);
            ModelMetadata metadata = ModelMetadata.of(
                    config.architecture().id() + "-" + config.epochs() + "ep", config.architecture(), last.testAccuracy(),
                    last.testLoss(), test.size(), millis, config.epochs(), batches * batchSize, config.augment(), train.sha256());
            DigitClassifier classifier = new DigitClassifier(model, metadata);
            handedOver = true;
            return new TrainingResult(classifier, List.copyOf(history), millis);
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    /** The test pass checks for cancel between its batches too: it takes seconds on all 10,000 images. */
    private Evaluation evaluate(Trainer trainer, int epoch) throws TrainingCancelledException {
        BatchClassifier forward = (images, count) -> {
            try (NDManager manager = trainer.getManager().newSubManager()) {
                float[] input = java.util.Arrays.copyOf(images, count * MnistData.PIXELS);
                MnistNormalizer.normalizeInPlace(input, 0, input.length);
                NDArray x = manager.create(input, new Shape(count, 1, 28, 28));
                float[] flat = trainer.evaluate(new NDList(x)).singletonOrThrow().softmax(1).toFloatArray();
                float[][] rows = new float[count][10];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(flat, i * 10, rows[i], 0, 10);
                }
                return rows;
            }
        };
        try {
            return Evaluator.evaluate(forward, test, fraction -> {}, () -> cancelled);
        } catch (CancellationException e) {
            throw TrainingCancelledException.duringTest(epoch);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("test-set evaluation failed: " + e.getMessage(), e);
        }
    }

    private int[] trainingIndices() {
        int n = train.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (config.trainLimit() == 0 || config.trainLimit() >= n) {
            return all;
        }
        Shuffle.inPlace(all, new SplittableRandom(config.seed()));
        return java.util.Arrays.copyOf(all, config.trainLimit());
    }

    private void fillBatch(int[] pool, int from, int size, float[] images, float[] labels, Augmenter augmenter,
            SplittableRandom random) {
        for (int i = 0; i < size; i++) {
            int index = pool[from + i];
            int offset = i * MnistData.PIXELS;
            train.copyImage(index, images, offset);
            if (augmenter != null) {
                augmenter.augment(images, offset, random);
            }
            labels[i] = train.label(index);
        }
        MnistNormalizer.normalizeInPlace(images, 0, size * MnistData.PIXELS);
    }

    private static int countCorrect(float[] logits, float[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (logits[i * 10 + c] > logits[i * 10 + best]) {
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
