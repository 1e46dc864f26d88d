package app.digitpad.ml.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.net.Architecture;
import app.digitpad.preprocess.PenDigit;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adapts a model to one person's handwriting: a few optimizer steps from the model's own weights
 * on that person's labelled drawings, each drawn anew with random stroke-level distortions at every
 * step, mixed in every batch with a replay of what the model learnt from (MNIST, and pen digits,
 * non-digits and scribbles for a model that knows "not a digit"), so that it keeps reading
 * everybody else. The parent model is not touched. Cancellable between steps.
 */
public final class Adaptation {
    /**
     * @param steps optimizer steps
     * @param learningRate the peak rate; it falls to zero along a half cosine
     * @param personal personal drawings per batch (sampled with replacement)
     * @param replay replayed images per batch
     * @param testImages MNIST test images the adapted model is measured on (0 for none)
     */
    public record Settings(int steps, float learningRate, int personal, int replay, int testImages, long seed) {
        public Settings {
            if (steps < 1 || personal < 1 || replay < 0 || testImages < 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("adaptation needs at least one step and one personal drawing per batch");
            }
        }

        public static Settings defaults() {
            return new Settings(40, 0.002f, 32, 96, 2_000, 1);
        }

        public Settings withSteps(int value) {
            return new Settings(value, learningRate, personal, replay, testImages, seed);
        }

        public Settings withLearningRate(float value) {
            return new Settings(steps, value, personal, replay, testImages, seed);
        }

        public Settings withTestImages(int value) {
            return new Settings(steps, learningRate, personal, replay, value, seed);
        }

        public Settings withSeed(long value) {
            return new Settings(steps, learningRate, personal, replay, testImages, value);
        }
    }

    /** Progress, on the adapting thread. */
    public interface Listener {
        void onStep(int step, int steps, float loss);

        Listener NONE = (step, steps, loss) -> {};
    }

    private final DigitClassifier parent;
    private final List<PenDigit> corrections;
    private final MnistData mnist;
    private final MnistData test;
    private final PenTrainingSet pen;
    private final Settings settings;
    private final Listener listener;
    private volatile boolean cancelled;

    /**
     * @param corrections the person's drawings with their right answers (label -1: not a digit);
     *     "not a digit" ones are left out for a model that cannot answer that
     * @param mnist MNIST's training set, replayed
     * @param test MNIST's test set, for the adapted model's figure
     * @param pen replayed for an eleven-output model (null to replay MNIST only)
     */
    public Adaptation(DigitClassifier parent, List<PenDigit> corrections, MnistData mnist, MnistData test,
            PenTrainingSet pen, Settings settings, Listener listener) {
        this.parent = parent;
        this.corrections = usable(corrections, parent.metadata().classes());
        this.mnist = mnist;
        this.test = settings.testImages() > 0 && settings.testImages() < test.size() ? test.slice(0, settings.testImages()) : test;
        this.pen = parent.metadata().classes() > NotDigitRule.DIGITS ? pen : null;
        this.settings = settings;
        this.listener = listener;
        if (this.corrections.isEmpty()) {
            throw new IllegalArgumentException("There are no personal samples this model can learn from yet: "
                    + "correct or confirm a few of its answers first.");
        }
    }

    private static List<PenDigit> usable(List<PenDigit> corrections, int classes) {
        List<PenDigit> kept = new ArrayList<>();
        for (PenDigit d : corrections) {
            if (d.isDigit() || classes > NotDigitRule.DIGITS) {
                kept.add(d);
            }
        }
        return List.copyOf(kept);
    }

    public void cancel() {
        cancelled = true;
    }

    /** How many of the given drawings it learns from. */
    public int samples() {
        return corrections.size();
    }

    /** @return the adapted model, owned by the caller */
    public DigitClassifier run() throws Exception {
        long start = System.nanoTime();
        ModelMetadata from = parent.metadata();
        Architecture architecture = from.architecture();
        int classes = from.classes();
        int batch = settings.personal() + settings.replay();
        SplittableRandom random = new SplittableRandom(settings.seed());
        Engine.getInstance().setRandomSeed((int) settings.seed());
        int[] step = {0};
        Tracker rate = numUpdate -> (float) (settings.learningRate() * 0.5
                * (1 + Math.cos(Math.PI * Math.min(step[0], settings.steps()) / settings.steps())));
        Model model = Model.newInstance(from.name() + "-personal");
        boolean handedOver = false;
        try {
            Block block = architecture.build(classes);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(batch, 1, 28, 28));
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parent.parameterBytes()))) {
                block.loadParameters(model.getNDManager(), in);
            }
            BatchAssembler replay = new BatchAssembler(mnist, pen, true);
            float[] images = new float[batch * MnistData.PIXELS];
            float[] labels = new float[batch];
            try (Trainer trainer = model.newTrainer(TrainingStep.config(rate));
                    TrainingStep stepper = new TrainingStep(architecture)) {
                trainer.initialize(new Shape(batch, 1, 28, 28));
                for (step[0] = 0; step[0] < settings.steps(); step[0]++) {
                    if (cancelled) {
                        throw new TrainingCancelledException(1, step[0] + 1);
                    }
                    int slot = fill(replay, images, labels, random);
                    TrainingStep.Result result = stepper.run(trainer, images, labels, slot, classes);
                    listener.onStep(step[0] + 1, settings.steps(), result.loss());
                }
            }
            if (cancelled) {
                throw new TrainingCancelledException(1, settings.steps());
            }
            DigitClassifier adapted = new DigitClassifier(model, from);
            handedOver = true;
            Evaluation evaluation = settings.testImages() > 0 ? Evaluator.evaluate(adapted, test) : null;
            long millis = (System.nanoTime() - start) / 1_000_000;
            return adapted.withMetadata(from.adapted(
                    evaluation == null ? from.testAccuracy() : evaluation.accuracy(),
                    evaluation == null ? from.testLoss() : evaluation.loss(),
                    evaluation == null ? from.testImages() : test.size(), millis, corrections.size()));
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    /** One batch: personal drawings first, then the replay (augmented MNIST, and pen data if known). */
    private int fill(BatchAssembler replay, float[] images, float[] labels, SplittableRandom random) {
        int slot = 0;
        for (int i = 0; i < settings.personal(); i++) {
            PenDigit d = corrections.get(random.nextInt(corrections.size()));
            slot = replay.addDrawing(d.strokes(), d.isDigit() ? d.label() : NotDigitRule.NOT_A_DIGIT, images, labels, slot,
                    random);
        }
        int replayed = settings.replay();
        if (replay.hasPen()) {
            int penDigits = replayed / 6;
            int others = replayed / 8;
            int scribbles = Math.max(1, replayed / 32);
            slot = replay.addPen(penDigits, others, scribbles, images, labels, slot, random);
            replayed -= penDigits + others + scribbles;
        }
        for (int i = 0; i < replayed; i++) {
            slot = replay.addMnist(random.nextInt(replay.mnistSize()), images, labels, slot, random);
        }
        MnistNormalizer.normalizeInPlace(images, 0, slot * MnistData.PIXELS);
        return slot;
    }
}
