package app.digitpad.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.net.StrokeNet;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.ScribbleGenerator;
import app.digitpad.preprocess.StrokeAugmenter;
import app.digitpad.preprocess.StrokeDirections;
import app.digitpad.preprocess.Stroke;
import app.digitpad.preprocess.StrokePath;
import app.digitpad.preprocess.WritingConventions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link StrokeReader} on pen-written digits and on what is not a digit: every epoch sees
 * each digit once, and pen-written letters and symbols and random scribbles ({@link ScribbleGenerator})
 * as "not a digit" ({@link #NON_DIGITS}, {@link #SCRIBBLES}). Their strokes are distorted afresh
 * ({@link StrokeAugmenter}), some 0s, 1s, 2s and 7s are written with a slash or bar, a flag, a loop or
 * a bar ({@link WritingConventions#PATHS}: the picture network's and two more), and some strokes are
 * drawn the other way or in another order ({@link StrokeDirections}); with label smoothing, and
 * Adam on a one-cycle schedule. The per-batch step is the picture network's ({@link TrainingStep}).
 * Pen data is small (about 9,500 digits), so this takes a minute or two, on its own thread.
 */
public final class StrokeReaderTraining {
    /** How long and how fast; the defaults are the shipped reader's. */
    public record Settings(int epochs, int batch, float peakRate, float smoothing, long seed) {
        public static final Settings DEFAULT = new Settings(30, 64, 0.004f, 0.05f, 42);

        public Settings {
            if (epochs < 1 || batch < 1 || !(peakRate > 0) || !(smoothing >= 0 && smoothing < 1)) {
                throw new IllegalArgumentException("epochs and batch must be positive, the rate above 0 and the smoothing in [0, 1)");
            }
        }
    }

    /** Hears of each finished epoch: its mean loss and the share of its (distorted) samples read right. */
    @FunctionalInterface
    public interface Listener {
        void onEpoch(int epoch, int epochs, float loss, double accuracy);
    }

    /**
     * Non-digits and scribbles an epoch, per digit. The picture network sees fewer per pen digit, but it
     * also learns digits from MNIST; here they are a quarter of what the reader sees.
     */
    static final double NON_DIGITS = 0.4;
    static final double SCRIBBLES = 0.1;

    /** Share of strokes drawn backwards, and of drawings whose strokes come in reverse order ({@link StrokeDirections}). */
    static final double REVERSED_STROKES = 0.15;
    static final double REVERSED_ORDER = 0.15;

    private volatile boolean cancelled;

    /** Stops the run before its next batch; {@link #train} then throws {@link TrainingCancelledException}. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * @param samples pen digits, and pen-written non-digits to learn as "not a digit" (scribbles are
     *     added either way); the caller owns the returned reader
     */
    public StrokeReader train(List<PenDigit> samples, Settings settings, Listener listener) throws TrainingCancelledException {
        List<PenDigit> digits = new ArrayList<>();
        List<PenDigit> others = new ArrayList<>();
        for (PenDigit sample : samples) {
            (sample.isDigit() ? digits : others).add(sample);
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no pen digits to train the stroke reader on");
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        Engine.getInstance().setRandomSeed((int) settings.seed());
        int nonDigits = others.isEmpty() ? 0 : (int) Math.round(digits.size() * NON_DIGITS);
        int scribbles = Math.max(1, (int) Math.round(digits.size() * SCRIBBLES));
        // an epoch's items: the digits, then the slots of non-digits and scribbles, each drawn at random
        int items = digits.size() + nonDigits + scribbles;
        int perEpoch = (items + settings.batch() - 1) / settings.batch();
        int total = perEpoch * settings.epochs();
        int[] step = {0};
        Tracker rate = numUpdate -> Schedule.ONE_CYCLE.rate(settings.peakRate(), step[0], total);
        StrokeAugmenter augmenter = new StrokeAugmenter(1);
        StrokeReader reader = StrokeReader.untrained();
        boolean done = false;
        try (Trainer trainer = reader.model().newTrainer(
                        TrainingStep.config(rate, new SmoothedCrossEntropy(settings.smoothing(), StrokeNet.CLASSES)));
                TrainingStep stepper = new TrainingStep(new Shape(StrokePath.CHANNELS, StrokePath.POINTS))) {
            trainer.initialize(new Shape(settings.batch()).addAll(StrokeNet.INPUT_SHAPE.slice(1)));
            int[] order = new int[items];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                Shuffle.inPlace(order, random);
                double lossSum = 0;
                int correct = 0;
                for (int start = 0; start < order.length; start += settings.batch()) {
                    if (cancelled) {
                        throw new TrainingCancelledException(epoch, start / settings.batch() + 1);
                    }
                    int count = Math.min(settings.batch(), order.length - start);
                    float[] paths = new float[count * StrokePath.LENGTH];
                    float[] labels = new float[count];
                    for (int i = 0; i < count; i++) {
                        int item = order[start + i];
                        List<Stroke> strokes;
                        int label;
                        if (item < digits.size()) {
                            PenDigit sample = digits.get(item);
                            label = sample.label();
                            strokes = sample.strokes();
                            if (WritingConventions.PATHS.has(label) && random.nextDouble() < BatchAssembler.CONVENTIONS) {
                                strokes = WritingConventions.PATHS.add(strokes, label, random);
                            }
                        } else {
                            label = NotDigitRule.NOT_A_DIGIT;
                            strokes = item < digits.size() + nonDigits ? others.get(random.nextInt(others.size())).strokes()
                                    : ScribbleGenerator.scribble(random);
                        }
                        strokes = StrokeDirections.vary(strokes, REVERSED_STROKES, REVERSED_ORDER, random);
                        reader.writePath(augmenter.augment(strokes, random).strokes(), paths, i * StrokePath.LENGTH);
                        labels[i] = label;
                    }
                    TrainingStep.Result result = stepper.run(trainer, paths, labels, count, StrokeNet.CLASSES);
                    step[0]++;
                    lossSum += result.loss() * count;
                    correct += result.correct();
                }
                listener.onEpoch(epoch, settings.epochs(), (float) (lossSum / items), correct / (double) items);
            }
            done = true;
            return reader;
        } finally {
            if (!done) {
                reader.close();
            }
        }
    }

}
