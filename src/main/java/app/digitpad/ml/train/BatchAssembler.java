package app.digitpad.ml.train;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.ScribbleGenerator;
import app.digitpad.preprocess.Stroke;
import app.digitpad.preprocess.StrokeAugmenter;
import app.digitpad.preprocess.WritingConventions;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills one training batch in heap arrays: MNIST images (augmented if asked) and, when training on
 * MNIST + pen digits, pen-written digits, non-digits and random scribbles on top of them, each drawn
 * into 28x28 through the pad's own path ({@link MnistPreprocessor#fromStrokes(List,
 * app.digitpad.preprocess.InkStyle)}) after random stroke-level distortions. An epoch stays one pass
 * over MNIST; the pen samples ride along in every batch. Not thread-safe.
 */
final class BatchAssembler {
    /** Pen samples added per MNIST image in a batch: for 128 MNIST digits, 32 pen digits, 12 non-digits, 4 scribbles. */
    static final double PEN_DIGITS = 0.25;
    static final double NON_DIGITS = 0.09375;
    static final double SCRIBBLES = 1 / 32.0;
    /** Share of the pen digits that have a convention ({@link WritingConventions#has}) drawn with one added. */
    static final double CONVENTIONS = 0.35;

    private final MnistData mnist;
    private final PenTrainingSet pen;
    private final Augmenter mnistAugmenter;
    private final StrokeAugmenter strokeAugmenter = new StrokeAugmenter(1.0);

    /** @param pen the pen samples, or null to train on MNIST alone */
    BatchAssembler(MnistData mnist, PenTrainingSet pen, boolean augmentMnist) {
        this.mnist = mnist;
        this.pen = pen;
        this.mnistAugmenter = augmentMnist ? new Augmenter() : null;
    }

    static BatchAssembler of(TrainingConfig config, MnistData mnist, PenTrainingSet pen) {
        if (config.data() == TrainingData.MNIST_PEN && pen == null) {
            throw new IllegalArgumentException("training on " + config.data().label() + " needs the pen training data");
        }
        return new BatchAssembler(mnist, config.data() == TrainingData.MNIST_PEN ? pen : null, config.augment());
    }

    /** Images in a batch that holds {@code mnistImages} MNIST digits. */
    int batchSize(int mnistImages) {
        return mnistImages + penDigits(mnistImages) + nonDigits(mnistImages) + scribbles(mnistImages);
    }

    private int penDigits(int mnistImages) {
        return pen == null ? 0 : (int) Math.round(mnistImages * PEN_DIGITS);
    }

    private int nonDigits(int mnistImages) {
        return pen == null ? 0 : (int) Math.round(mnistImages * NON_DIGITS);
    }

    private int scribbles(int mnistImages) {
        return pen == null ? 0 : Math.max(1, (int) Math.round(mnistImages * SCRIBBLES));
    }

    /**
     * Fills {@code images} (standardized) and {@code labels} with MNIST images {@code pool[from ..
     * from + mnistImages)} followed by this batch's pen samples.
     */
    void fill(int[] pool, int from, int mnistImages, float[] images, float[] labels, SplittableRandom random) {
        int slot = 0;
        for (int i = 0; i < mnistImages; i++) {
            slot = addMnist(pool[from + i], images, labels, slot, random);
        }
        slot = addPen(penDigits(mnistImages), nonDigits(mnistImages), scribbles(mnistImages), images, labels, slot, random);
        MnistNormalizer.normalizeInPlace(images, 0, slot * MnistData.PIXELS);
    }

    /** Puts MNIST image {@code index} (augmented if asked) into {@code slot}; returns the next slot. */
    int addMnist(int index, float[] images, float[] labels, int slot, SplittableRandom random) {
        mnist.copyImage(index, images, slot * MnistData.PIXELS);
        if (mnistAugmenter != null) {
            mnistAugmenter.augment(images, slot * MnistData.PIXELS, random);
        }
        labels[slot] = mnist.label(index);
        return slot + 1;
    }

    /** Random pen digits, non-digits and scribbles from {@code slot} on (none without pen data); returns the next slot. */
    int addPen(int digits, int others, int scribbles, float[] images, float[] labels, int slot, SplittableRandom random) {
        if (pen == null) {
            return slot;
        }
        for (int i = 0; i < digits; i++) {
            PenDigit digit = pen.digits().get(random.nextInt(pen.digits().size()));
            List<Stroke> strokes = digit.strokes();
            if (WritingConventions.PICTURES.has(digit.label()) && random.nextDouble() < CONVENTIONS) {
                strokes = WritingConventions.PICTURES.add(strokes, digit.label(), random);
            }
            slot = addDrawing(strokes, digit.label(), images, labels, slot, random);
        }
        for (int i = 0; i < others; i++) {
            PenDigit other = pen.nonDigits().get(random.nextInt(pen.nonDigits().size()));
            slot = addDrawing(other.strokes(), NotDigitRule.NOT_A_DIGIT, images, labels, slot, random);
        }
        for (int i = 0; i < scribbles; i++) {
            slot = addDrawing(ScribbleGenerator.scribble(random), NotDigitRule.NOT_A_DIGIT, images, labels, slot, random);
        }
        return slot;
    }

    /** Draws {@code strokes}, randomly distorted, into {@code slot} with class {@code label}; returns the next slot. */
    int addDrawing(List<Stroke> strokes, int label, float[] images, float[] labels, int slot, SplittableRandom random) {
        draw(strokes, images, slot, random);
        labels[slot] = label;
        return slot + 1;
    }

    boolean hasPen() {
        return pen != null;
    }

    int mnistSize() {
        return mnist.size();
    }

    private void draw(List<Stroke> strokes, float[] images, int slot, SplittableRandom random) {
        StrokeAugmenter.Augmented augmented = strokeAugmenter.augment(strokes, random);
        float[] input = MnistPreprocessor.fromStrokes(augmented.strokes(), augmented.style());
        System.arraycopy(input, 0, images, slot * MnistData.PIXELS, MnistData.PIXELS);
    }
}
