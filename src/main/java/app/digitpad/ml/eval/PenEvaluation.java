package app.digitpad.ml.eval;

import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.Stroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model reads pen-written samples, each placed on the pad as a user would draw it and
 * recognized exactly as the pad does: digit accuracy and confusions, accuracy per writer, and how
 * often it answers "not a digit", for digits and for non-digits. A digit's answer is its most
 * probable digit whether or not it is also flagged; the flagged share is counted separately.
 */
public final class PenEvaluation {
    private static final int BATCH = 500;

    /** One writer's digits: how many, how many read right, how many flagged. */
    public record Writer(String name, int digits, int correct, int flagged) {
        public static final Comparator<Writer> WORST_FIRST = Comparator.comparingDouble(Writer::accuracy).thenComparing(Writer::name);

        public double accuracy() {
            return digits == 0 ? 0 : correct / (double) digits;
        }
    }

    /**
     * A digit read as another: its sample id, writer, label, the answer, the answer's probability,
     * and whether it was also flagged "not a digit".
     */
    public record Misread(String id, String writer, int label, int answer, float probability, boolean flagged) {}

    /** How sure a wrong answer must be to count as a confident one: a big digit and a nearly full bar. */
    public static final double SURE = 0.9;

    private final ConfusionMatrix matrix = new ConfusionMatrix();
    private final List<Misread> misreads = new ArrayList<>();
    private final Map<String, int[]> writers = new LinkedHashMap<>();
    private int digitsFlagged;
    private int nonDigits;
    private int nonDigitsFlagged;

    private PenEvaluation() {}

    /** Places each sample at {@code extent} of the pad, as the {@code pendigits} command does. */
    public static PenEvaluation of(BatchClassifier classifier, NotDigitRule rule, List<PenDigit> samples, double extent)
            throws Exception {
        return of(classifier, null, rule, samples, extent);
    }

    /** As {@link #of(BatchClassifier, NotDigitRule, List, double)}, read jointly with a stroke reader if not null. */
    public static PenEvaluation of(BatchClassifier classifier, PathClassifier paths, NotDigitRule rule, List<PenDigit> samples,
            double extent) throws Exception {
        List<List<Stroke>> drawings = new ArrayList<>(samples.size());
        for (PenDigit sample : samples) {
            drawings.add(PenDigitPlacer.place(sample.strokes(), MnistPreprocessor.PAD_SIZE, extent));
        }
        PenEvaluation result = new PenEvaluation();
        float[][] rows = classify(classifier, paths, drawings);
        for (int i = 0; i < samples.size(); i++) {
            result.add(samples.get(i), rows[i], rule);
        }
        return result;
    }

    /**
     * Share of the drawings (all non-digits, e.g. scribbles) the rule flags, read by the picture network
     * alone or, if {@code paths} is not null, jointly with the stroke reader.
     */
    public static double flaggedShare(BatchClassifier classifier, PathClassifier paths, NotDigitRule rule,
            List<List<Stroke>> drawings) throws Exception {
        int flagged = 0;
        for (float[] row : classify(classifier, paths, drawings)) {
            flagged += rule.flags(row) ? 1 : 0;
        }
        return drawings.isEmpty() ? 0 : flagged / (double) drawings.size();
    }

    /** The probabilities of each drawing as the picture network alone reads it. */
    public static float[][] classify(BatchClassifier classifier, List<List<Stroke>> drawings) throws Exception {
        return classify(classifier, null, drawings);
    }

    /**
     * The probabilities of each drawing, recognized as the pad recognizes it: by the picture network,
     * and jointly with the stroke reader ({@link JointReading}) if {@code paths} is not null.
     */
    public static float[][] classify(BatchClassifier classifier, PathClassifier paths, List<List<Stroke>> drawings)
            throws Exception {
        float[][] rows = new float[drawings.size()][];
        float[] batch = new float[BATCH * 784];
        for (int start = 0; start < drawings.size(); start += BATCH) {
            int count = Math.min(BATCH, drawings.size() - start);
            for (int i = 0; i < count; i++) {
                System.arraycopy(MnistPreprocessor.fromStrokes(drawings.get(start + i)), 0, batch, i * 784, 784);
            }
            float[][] batchRows = classifier.probabilities(batch, count);
            if (paths != null) {
                batchRows = JointReading.combine(batchRows, paths.probabilities(drawings.subList(start, start + count)));
            }
            System.arraycopy(batchRows, 0, rows, start, count);
        }
        return rows;
    }

    private void add(PenDigit sample, float[] probabilities, NotDigitRule rule) {
        boolean flagged = rule.flags(probabilities);
        if (!sample.isDigit()) {
            nonDigits++;
            nonDigitsFlagged += flagged ? 1 : 0;
            return;
        }
        int digit = NotDigitRule.digit(probabilities);
        matrix.add(sample.label(), digit);
        if (digit != sample.label()) {
            misreads.add(new Misread(sample.id(), sample.writer(), sample.label(), digit, probabilities[digit], flagged));
        }
        digitsFlagged += flagged ? 1 : 0;
        int[] counts = writers.computeIfAbsent(sample.writer(), w -> new int[3]);
        counts[0]++;
        counts[1] += digit == sample.label() ? 1 : 0;
        counts[2] += flagged ? 1 : 0;
    }

    /** The digits' confusions (non-digits are not in it). */
    public ConfusionMatrix matrix() {
        return matrix;
    }

    public double accuracy() {
        return matrix.accuracy();
    }

    public int digits() {
        return matrix.total();
    }

    /** Digits answered "not a digit". */
    public int digitsFlagged() {
        return digitsFlagged;
    }

    /** Non-digits answered "not a digit". */
    public int nonDigitsFlagged() {
        return nonDigitsFlagged;
    }

    /** Share of the digits answered "not a digit". */
    public double digitsFlaggedShare() {
        return digits() == 0 ? 0 : digitsFlagged / (double) digits();
    }

    public int nonDigits() {
        return nonDigits;
    }

    /** Share of the non-digits answered "not a digit". */
    public double nonDigitsFlaggedShare() {
        return nonDigits == 0 ? 0 : nonDigitsFlagged / (double) nonDigits;
    }

    /**
     * The misreads answered at least {@link #SURE} sure and not flagged "not a digit": the wrong
     * answers a user has no reason to doubt. ({@code (float)}: the probabilities are floats, and 0.9f
     * is a little under 0.9.)
     */
    public static long sureMisreads(List<Misread> misreads) {
        return misreads.stream().filter(m -> !m.flagged() && m.probability() >= (float) SURE).count();
    }

    /** The digits read as another digit, in the order of the samples. */
    public List<Misread> misreads() {
        return List.copyOf(misreads);
    }

    /** Every writer with at least one digit, worst accuracy first. */
    public List<Writer> writers() {
        List<Writer> list = new ArrayList<>();
        writers.forEach((name, c) -> list.add(new Writer(name, c[0], c[1], c[2])));
        list.sort(Writer.WORST_FIRST);
        return list;
    }
}
