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
import app.digitpad.preprocess.Stroke;
import app.digitpad.preprocess.StrokeAugmenter;
import app.digitpad.preprocess.StrokePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adapts a stroke reader to one person's pen paths, as {@link Adaptation} adapts the picture
 * network: a few optimizer steps from the reader's own weights on the person's corrections (their
 * digits, and their marks that are not digits for a reader that knows that answer), each
 * distorted afresh ({@link StrokeAugmenter}) at every step, mixed in every batch with a replay of
 * what it learnt from (pen digits, and for a reader that knows "not a digit", pen-written non-digits
 * and scribbles as often as in its training), so that it keeps reading everybody else. Without this, a reader
 * that is sure of its old answer can outvote an adapted picture network in the joint reading.
 * The parent reader is not touched.
 */
public final class StrokeReaderAdaptation {
    private final StrokeReader parent;
    private final List<PenDigit> corrections;
    private final List<PenDigit> replayDigits;
    private final List<PenDigit> replayOthers;
    private final Adaptation.Settings settings;
    private final Adaptation.Listener listener;
    private volatile boolean cancelled;

    /**
     * @param corrections the person's drawings with their right answers; those that are not digits
     *     are left out for a reader that knows only digits
     * @param replay pen samples to replay (the stroke reader's training split, digits and non-digits)
     * @param settings the picture network's adaptation settings: peak rate, personal and replayed per batch,
     *     seed; the steps are {@link #steps half of them}
     */
    public StrokeReaderAdaptation(StrokeReader parent, List<PenDigit> corrections, List<PenDigit> replay,
            Adaptation.Settings settings) {
        this(parent, corrections, replay, settings, Adaptation.Listener.NONE);
    }

    /** @param listener hears of each step, on the adapting thread */
    public StrokeReaderAdaptation(StrokeReader parent, List<PenDigit> corrections, List<PenDigit> replay,
            Adaptation.Settings settings, Adaptation.Listener listener) {
        this.parent = parent;
        boolean knowsOthers = parent.classes() > NotDigitRule.DIGITS;
        this.corrections = knowsOthers ? List.copyOf(corrections) : ofKind(corrections, true);
        this.replayDigits = ofKind(replay, true);
        this.replayOthers = knowsOthers ? ofKind(replay, false) : List.of();
        this.settings = settings;
        this.listener = listener;
    }

    /** The digits of {@code samples}, or with {@code digits} false the rest. */
    private static List<PenDigit> ofKind(List<PenDigit> samples, boolean digits) {
        List<PenDigit> kept = new ArrayList<>();
        for (PenDigit d : samples) {
            if (d.isDigit() == digits) {
                kept.add(d);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Half the picture network's steps, on batches like its: the stroke reader is a smaller network,
     * and on the validation writers (`adapt-bench`, k = 3) it read them as well after 20 steps as
     * after 40, in half the time.
     */
    public static int steps(Adaptation.Settings settings) {
        return Math.max(1, settings.steps() / 2);
    }

    /** Whether there is a correction it learns from; without one, {@link #run} returns a plain copy. */
    public boolean hasCorrections() {
        return !corrections.isEmpty();
    }

    public void cancel() {
        cancelled = true;
    }

    /** @return the adapted reader, owned by the caller */
    public StrokeReader run() throws IOException, TrainingCancelledException {
        StrokeReader reader = parent.copy();
        if (corrections.isEmpty()) {
            return reader;
        }
        boolean done = false;
        try {
            SplittableRandom random = new SplittableRandom(settings.seed());
            Engine.getInstance().setRandomSeed((int) settings.seed());
            int steps = steps(settings);
            int[] step = {0};
            Tracker rate = numUpdate -> (float) (settings.learningRate() * 0.5
                    * (1 + Math.cos(Math.PI * Math.min(step[0], steps) / steps)));
            int personal = settings.personal();
            int batch = replayDigits.isEmpty() ? personal : personal + settings.replay();
            int classes = reader.classes();
            double otherShare = replayOthers.isEmpty() ? 0
                    : (StrokeReaderTraining.NON_DIGITS + StrokeReaderTraining.SCRIBBLES)
                            / (1 + StrokeReaderTraining.NON_DIGITS + StrokeReaderTraining.SCRIBBLES);
            double scribbleShare = StrokeReaderTraining.SCRIBBLES / (StrokeReaderTraining.NON_DIGITS + StrokeReaderTraining.SCRIBBLES);
            StrokeAugmenter augmenter = new StrokeAugmenter(1);
            float[] paths = new float[batch * StrokePath.LENGTH];
            float[] labels = new float[batch];
            try (Trainer trainer = reader.model().newTrainer(TrainingStep.config(rate,
                            new SmoothedCrossEntropy(StrokeReaderTraining.Settings.DEFAULT.smoothing(), classes)));
                    TrainingStep stepper = new TrainingStep(new Shape(StrokePath.CHANNELS, StrokePath.POINTS))) {
                trainer.initialize(new Shape(batch).addAll(StrokeNet.INPUT_SHAPE.slice(1)));
                for (step[0] = 0; step[0] < steps; step[0]++) {
                    if (cancelled) {
                        throw new TrainingCancelledException(1, step[0] + 1);
                    }
                    for (int i = 0; i < batch; i++) {
                        List<Stroke> strokes;
                        int label;
                        if (i >= personal && random.nextDouble() < otherShare) {
                            strokes = random.nextDouble() < scribbleShare ? ScribbleGenerator.scribble(random)
                                    : replayOthers.get(random.nextInt(replayOthers.size())).strokes();
                            label = NotDigitRule.NOT_A_DIGIT;
                        } else {
                            PenDigit d = i < personal ? corrections.get(random.nextInt(corrections.size()))
                                    : replayDigits.get(random.nextInt(replayDigits.size()));
                            strokes = d.strokes();
                            label = d.isDigit() ? d.label() : NotDigitRule.NOT_A_DIGIT;
                        }
                        reader.writePath(augmenter.augment(strokes, random).strokes(), paths, i * StrokePath.LENGTH);
                        labels[i] = label;
                    }
                    TrainingStep.Result result = stepper.run(trainer, paths, labels, batch, classes);
                    listener.onStep(step[0] + 1, steps, result.loss());
                }
            }
            if (cancelled) {
                throw new TrainingCancelledException(1, steps);
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
