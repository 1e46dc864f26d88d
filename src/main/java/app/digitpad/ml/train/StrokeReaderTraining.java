package app.digitpad.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.net.StrokeNet;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.StrokeAugmenter;
import app.digitpad.preprocess.StrokeDirections;
import app.digitpad.preprocess.Stroke;
import app.digitpad.preprocess.StrokePath;
import app.digitpad.preprocess.WritingConventions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link StrokeReader} on pen-written digits: every epoch sees each sample once, its
 * strokes distorted afresh ({@link StrokeAugmenter}) and some 0s, 1s, 2s and 7s written with a slash or
 * bar, a flag, a loop or a bar ({@link WritingConventions#PATHS}: the picture network's and two more), some strokes drawn
 * the other way or in another order ({@link StrokeDirections}), with label smoothing, and
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

    /** Share of strokes drawn backwards, and of drawings whose strokes come in reverse order ({@link StrokeDirections}). */
    static final double REVERSED_STROKES = 0.15;
    static final double REVERSED_ORDER = 0.15;

    private volatile boolean cancelled;

    /** Stops the run before its next batch; {@link #train} then throws {@link TrainingCancelledException}. */
    public void cancel() {
        cancelled = true;
    }

    /** @param samples pen digits (non-digits are skipped); the caller owns the returned reader */
    public StrokeReader train(List<PenDigit> samples, Settings settings, Listener listener) throws TrainingCancelledException {
        List<PenDigit> digits = new ArrayList<>();
        for (PenDigit sample : samples) {
            if (sample.isDigit()) {
                digits.add(sample);
            }
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no pen digits to train the stroke reader on");
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        Engine.getInstance().setRandomSeed((int) settings.seed());
        int perEpoch = (digits.size() + settings.batch() - 1) / settings.batch();
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
            int[] order = new int[digits.size()];
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
                        PenDigit sample = digits.get(order[start + i]);
                        List<Stroke> strokes = sample.strokes();
                        if (WritingConventions.PATHS.has(sample.label()) && random.nextDouble() < BatchAssembler.CONVENTIONS) {
                            strokes = WritingConventions.PATHS.add(strokes, sample.label(), random);
                        }
                        strokes = StrokeDirections.vary(strokes, REVERSED_STROKES, REVERSED_ORDER, random);
                        StrokePath.write(augmenter.augment(strokes, random).strokes(), paths, i * StrokePath.LENGTH);
                        labels[i] = sample.label();
                    }
                    TrainingStep.Result result = stepper.run(trainer, paths, labels, count, StrokeNet.CLASSES);
                    step[0]++;
                    lossSum += result.loss() * count;
                    correct += result.correct();
                }
                listener.onEpoch(epoch, settings.epochs(), (float) (lossSum / order.length), correct / (double) order.length);
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
