package app.digitpad.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random distortions of pen strokes, applied to the points before they are drawn into the 28x28
 * input, so that one written sample teaches the network many ways of writing it: rotation, slant
 * (shear), aspect, a smooth wobble of the whole trace, each stroke nudged on its own (pieces of a
 * 4 or a 7 meet differently), point jitter, coarser sampling (as from a mouse), and the pen's width.
 * Scale and position are normalized away by {@link MnistPreprocessor#fromStrokes(List, InkStyle)},
 * so they are varied where they still matter: the box the ink fills and where its centre of mass
 * lands, by the small amounts MNIST's own digits vary. Pure functions of the random source.
 */
public final class StrokeAugmenter {
    /** The distorted strokes and the ink to draw them with. */
    public record Augmented(List<Stroke> strokes, InkStyle style) {}

    private final double strength;

    /** @param strength 1 for the full ranges below; smaller values shrink every range */
    public StrokeAugmenter(double strength) {
        if (!(strength >= 0 && strength <= 2)) {
            throw new IllegalArgumentException("augmentation strength must be within 0..2, not " + strength);
        }
        this.strength = strength;
    }

    public Augmented augment(List<Stroke> strokes, SplittableRandom random) {
        Bounds bounds = Bounds.of(strokes);
        double extent = Math.max(bounds.extent(), 1e-9);
        double midX = bounds.midX();
        double midY = bounds.midY();

        double angle = Math.toRadians(range(random, 14));
        double shear = range(random, 0.28);
        double aspect = Math.exp(range(random, 0.22));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // a smooth wobble: two random waves across the trace, a few per cent of its size
        double[] wave = new double[8];
        for (int i = 0; i < 2; i++) {
            wave[i * 4] = random.nextDouble() * 0.035 * strength;          // amplitude
            wave[i * 4 + 1] = 2 * Math.PI * (0.5 + random.nextDouble());    // frequency
            wave[i * 4 + 2] = 2 * Math.PI * random.nextDouble();            // phase
            wave[i * 4 + 3] = 2 * Math.PI * random.nextDouble();            // direction
        }
        double jitter = random.nextDouble() < 0.5 ? 0.004 * strength : 0;
        int keepEvery = random.nextDouble() < 0.25 ? 2 + random.nextInt(2) : 1;
        boolean nudge = strokes.size() > 1 && random.nextDouble() < 0.6;

        List<Stroke> out = new ArrayList<>(strokes.size());
        for (Stroke stroke : strokes) {
            double nudgeX = nudge ? random.nextGaussian() * 0.025 * strength : 0;
            double nudgeY = nudge ? random.nextGaussian() * 0.025 * strength : 0;
            List<Point> points = stroke.points();
            List<Point> moved = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                if (i % keepEvery != 0 && i != points.size() - 1) {
                    continue;
                }
                Point p = points.get(i);
                double x = (p.x() - midX) / extent;
                double y = (p.y() - midY) / extent;
                for (int w = 0; w < 2; w++) {
                    double along = x * Math.cos(wave[w * 4 + 3]) + y * Math.sin(wave[w * 4 + 3]);
                    double d = wave[w * 4] * Math.sin(wave[w * 4 + 1] * along + wave[w * 4 + 2]);
                    x += d * -Math.sin(wave[w * 4 + 3]);
                    y += d * Math.cos(wave[w * 4 + 3]);
                }
                x += nudgeX + (jitter > 0 ? random.nextGaussian() * jitter : 0);
                y += nudgeY + (jitter > 0 ? random.nextGaussian() * jitter : 0);
                x = (x - shear * y) * aspect;
                double rx = cos * x - sin * y;
                double ry = sin * x + cos * y;
                moved.add(new Point(rx, ry));
            }
            out.add(new Stroke(moved));
        }
        double width = InkStyle.STROKE_WIDTH * Math.exp(range(random, 0.28));
        double fill = MnistPreprocessor.BOX - random.nextDouble() * 1.5 * strength;
        InkStyle style = new InkStyle(width, Math.max(fill, width + 1), range(random, 0.6), range(random, 0.6));
        return new Augmented(List.copyOf(out), style);
    }

    /** Uniform in [-limit, limit] times the strength. */
    private double range(SplittableRandom random, double limit) {
        return (random.nextDouble() * 2 - 1) * limit * strength;
    }
}
