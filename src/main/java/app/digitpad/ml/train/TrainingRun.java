package app.digitpad.ml.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import app.digitpad.ml.model.DirectBatch;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.eval.BatchClassifier;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.eval.NotDigitCalibration;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.EngineThreads;
import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.model.NoGradient;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * One training run of one network on MNIST (and pen digits, if the config says so): the only
 * training loop in DigitPad (CLI, benchmark and UI all use it). It is DJL's EasyTrain step written
 * out so it can stop between any two batches, with batches assembled from heap arrays so
 * augmentation costs no JNI calls.
 */
public final class TrainingRun {
    /** Training images the not-a-digit threshold is chosen on ({@link NotDigitCalibration}). */
    static final int CALIBRATION_IMAGES = 10_000;
    /** Of each batch the second thread takes in the app on two cores: the smaller part, as its core draws the screen too. */
    static final double PARTNER_SHARE = 1 / 3.0;
    /** {@code -Ddigitpad.splitBatches=false} keeps the app's training on one thread (to compare). */
    private static final boolean SPLIT_BATCHES = !"false".equalsIgnoreCase(System.getProperty("digitpad.splitBatches", "").trim());

    private final TrainingConfig config;
    private final MnistData train;
    private final MnistData test;
    private final PenTrainingSet pen;
    private final TrainingListener listener;
    private final LoopProfile profile = new LoopProfile();
    private volatile boolean cancelled;
    private boolean leaveOneCore;
    private int step;

    /**
     * @param train the full training set; {@code config.trainLimit()} picks a seeded subset of it
     * @param test the test set; {@code config.testLimit()} keeps its first images
     */
    public TrainingRun(TrainingConfig config, MnistData train, MnistData test, TrainingListener listener) {
        this(config, train, test, null, listener);
    }

    /** @param pen the pen-written samples; needed when {@code config.data()} is MNIST + pen digits */
    public TrainingRun(TrainingConfig config, MnistData train, MnistData test, PenTrainingSet pen,
            TrainingListener listener) {
        this.config = config;
        this.train = train;
        this.test = config.testLimit() > 0 && config.testLimit() < test.size() ? test.slice(0, config.testLimit()) : test;
        this.pen = pen;
        this.listener = listener;
        BatchAssembler.of(config, train, pen); // refuses a pen run without pen data before anything starts
    }

    /**
     * Trains with one PyTorch thread fewer than the machine's cores ({@link EngineThreads}), for runs
     * in front of the user: the other core serves the screen (on two cores, where fast-cnn trains in
     * bfloat16, it also takes a third of each batch, see {@link #partnerShare()}). The test passes, with little to draw meanwhile, use
     * PyTorch's default. Call before {@link #run()}.
     */
    public TrainingRun leavingOneCoreWhileTraining() {
        leaveOneCore = true;
        return this;
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

    /** Where this run's time has gone so far; read it after {@link #run()} returns. */
    public LoopProfile profile() {
        return profile;
    }

    public TrainingResult run() throws TrainingCancelledException {
        int[] pool = trainingIndices();
        int batchSize = Math.min(config.batchSize(), pool.length); // MNIST images per batch
        int batches = pool.length / batchSize; // drop the ragged last batch, as DJL's sampler does
        int totalSteps = batches * config.epochs();
        BatchAssembler assembler = BatchAssembler.of(config, train, pen);
        int fullBatch = assembler.batchSize(batchSize);
        int classes = config.data().classes();
        listener.onStart(config, batches * fullBatch, test.size());

        Engine.getInstance().setRandomSeed((int) config.seed());
        Tracker rate = numUpdate -> config.schedule().rate(config.learningRate(), step, totalSteps);
        DefaultTrainingConfig djlConfig = TrainingStep.config(rate);

        Model model = Model.newInstance(config.architecture().id());
        boolean handedOver = false;
        try {
            model.setBlock(config.architecture().build(classes));
            List<EpochResult> history = new ArrayList<>();
            NotDigitRule notDigit;
            long start = System.nanoTime();
            long trainingNanos = 0;
            try (Trainer trainer = model.newTrainer(djlConfig);
                    TrainingStep stepper = new TrainingStep(config.architecture(), profile, partnerShare())) {
                trainer.initialize(new Shape(fullBatch, 1, 28, 28));
                float[] images = new float[fullBatch * MnistData.PIXELS];
                float[] labels = new float[fullBatch];
                // closed with the trainer's manager if the run stops early
                WeightAverage average = totalSteps >= WeightAverage.MIN_STEPS
                        ? new WeightAverage(model.getBlock(), trainer.getManager(), totalSteps) : null;
                step = 0;
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    SplittableRandom random = new SplittableRandom(config.seed() * 31 + epoch);
                    Shuffle.inPlace(pool, random);
                    double lossSum = 0;
                    int correct = 0;
                    long epochStart = System.nanoTime();
                    try (EngineThreads threads = leaveOneCore ? EngineThreads.leavingOneCore() : null) {
                        for (int b = 0; b < batches; b++) {
                            if (cancelled) {
                                throw new TrainingCancelledException(epoch, b + 1);
                            }
                            long assembleStart = System.nanoTime();
                            assembler.fill(pool, b * batchSize, batchSize, images, labels, random);
                            profile.add(LoopProfile.Phase.ASSEMBLE, System.nanoTime() - assembleStart);
                            TrainingStep.Result stepResult = stepper.run(trainer, images, labels, fullBatch, classes);
                            float batchLoss = stepResult.loss();
                            int batchCorrect = stepResult.correct();
                            step++;
                            if (average != null) {
                                long averageStart = System.nanoTime();
                                average.update();
                                profile.add(LoopProfile.Phase.AVERAGE, System.nanoTime() - averageStart);
                            }
                            lossSum += batchLoss;
                            correct += batchCorrect;
                            long now = System.nanoTime();
                            double seconds = (trainingNanos + now - epochStart) / 1e9;
                            double rateNow = step * (double) fullBatch / seconds;
                            long eta = (long) ((totalSteps - step) * fullBatch / rateNow * 1000);
                            listener.onBatch(new BatchProgress(epoch, config.epochs(), b + 1, batches, batchLoss,
                                    batchCorrect / (float) fullBatch, config.schedule().rate(config.learningRate(), step, totalSteps),
                                    rateNow, (now - start) / 1_000_000, eta));
                            profile.add(LoopProfile.Phase.LISTENER, System.nanoTime() - now);
                        }
                    }
                    long epochNanos = System.nanoTime() - epochStart;
                    trainingNanos += epochNanos;
                    if (average != null && epoch == config.epochs()) {
                        average.copyIntoNetwork(); // what is tested last is what is saved
                        average.close();
                    }
                    long testStart = System.nanoTime();
                    Evaluation evaluation = evaluate(trainer, epoch);
                    profile.add(LoopProfile.Phase.TEST, System.nanoTime() - testStart);
                    EpochResult result = new EpochResult(epoch, config.epochs(), (float) (lossSum / batches),
                            correct / (float) (batches * fullBatch), (float) evaluation.loss(), (float) evaluation.accuracy(),
                            batches * (double) fullBatch / (epochNanos / 1e9), (System.nanoTime() - start) / 1_000_000);
                    history.add(result);
                    listener.onEpoch(result);
                }
                notDigit = NotDigitRule.NONE;
                if (classes > NotDigitRule.DIGITS) {
                    long calibrationStart = System.nanoTime();
                    notDigit = calibrate(trainer);
                    profile.add(LoopProfile.Phase.CALIBRATION, System.nanoTime() - calibrationStart);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            EpochResult last = history.get(history.size() - 1);
            ModelMetadata metadata = ModelMetadata.of(
                    config.architecture().id() + "-" + config.epochs() + "ep", config.architecture(), last.testAccuracy(),
                    last.testLoss(), test.size(), millis, config.epochs(), batches * fullBatch, config.augment(), train.sha256(),
                    config.data(), notDigit);
            DigitClassifier classifier = new DigitClassifier(model, metadata);
            handedOver = true;
            return new TrainingResult(classifier, List.copyOf(history), millis);
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    /**
     * In front of the user on two cores, the training thread has one core and PyTorch one thread
     * ({@link EngineThreads}); where fast-cnn trains in bfloat16 (the only pass that can be split),
     * a second thread takes a third of each batch on the core it shares with the screen
     * ({@link SplitBatch}). The same where PyTorch is held to one thread on more
     * cores. Elsewhere one thread trains with PyTorch's threads.
     */
    private double partnerShare() {
        return leaveOneCore && SPLIT_BATCHES && EngineThreads.leavesOneThreadBesideAnotherCore() ? PARTNER_SHARE : 0;
    }

    /** The test pass checks for cancel between its batches too: it takes seconds on all 10,000 images. */
    private Evaluation evaluate(Trainer trainer, int epoch) throws TrainingCancelledException {
        try {
            return Evaluator.evaluate(classifier(trainer), test, fraction -> {}, () -> cancelled);
        } catch (CancellationException e) {
            throw TrainingCancelledException.duringTest(epoch);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("test-set evaluation failed: " + e.getMessage(), e);
        }
    }

    private NotDigitRule calibrate(Trainer trainer) throws TrainingCancelledException {
        try {
            return NotDigitCalibration.of(classifier(trainer), train.slice(0, Math.min(train.size(), CALIBRATION_IMAGES)),
                    () -> cancelled);
        } catch (CancellationException e) {
            throw TrainingCancelledException.duringTest(config.epochs());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("choosing the not-a-digit threshold failed: " + e.getMessage(), e);
        }
    }

    /** The network being trained as a classifier: inference mode, no gradients, each batch in its own manager. */
    private static BatchClassifier classifier(Trainer trainer) {
        DirectBatch batch = new DirectBatch();
        return (images, count) -> {
            try (NoGradient noGradient = NoGradient.begin(); NDManager manager = trainer.getManager().newSubManager()) {
                float[] input = java.util.Arrays.copyOf(images, count * MnistData.PIXELS);
                MnistNormalizer.normalizeInPlace(input, 0, input.length);
                NDArray x = batch.create(manager, input, new Shape(count, 1, 28, 28));
                float[] flat = trainer.evaluate(new NDList(x)).singletonOrThrow().softmax(1).toFloatArray();
                int classes = flat.length / count;
                float[][] rows = new float[count][classes];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(flat, i * classes, rows[i], 0, classes);
                }
                return rows;
            }
        };
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
}
