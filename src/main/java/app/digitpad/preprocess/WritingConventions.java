package app.digitpad.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adds a writing convention that neither MNIST nor most pen writers use to a pen-written digit,
 * so the network meets it in training: a slash or a level bar through a 0, a flag on a 1, a loop
 * where a 2's diagonal meets its base, a bar across a 7's stem. Writers who use one use it every
 * time, and a network that never saw one reads it as another digit or as no digit at all: a hooked
 * 1 as 7 was the commonest misread of writers left out of training ({@code digitpad cross-validate}).
 * The strokes are changed in the sample's own units; digits without a convention here come back
 * unchanged. (Bases on 1s were tried too: they made 1s that look like 2s.)
 */
public enum WritingConventions {
    /**
     * The picture network's: slashed 0s, looped 2s, crossed 7s. Not the flags and level bars: picture
     * networks trained with them said "not a digit" to more of the validation writers' digits (one
     * writer's 2s).
     */
    PICTURES(false),
    /** The stroke reader's: the pictures' conventions, flagged 1s and 0s with a level bar. */
    PATHS(true);

    /** Share of added marks on a 0 that are a level bar (theta) rather than a slash. */
    private static final double BARRED = 0.35;
    /** A 1 gets a flag only when it is a single stroke no wider than this share of its height. */
    private static final double STICK = 0.35;

    private final boolean flagsAndBars;

    WritingConventions(boolean flagsAndBars) {
        this.flagsAndBars = flagsAndBars;
    }

    /** Whether {@link #add} can change a digit of this label. */
    public boolean has(int label) {
        return label == 0 || label == 2 || label == 7 || (flagsAndBars && label == 1);
    }

    /** {@code strokes} of a digit {@code label} with one of its conventions added (unchanged if it has none). */
    public List<Stroke> add(List<Stroke> strokes, int label, SplittableRandom random) {
        if (!has(label)) {
            return strokes;
        }
        Bounds bounds = Bounds.of(strokes);
        double height = Math.max(bounds.maxY() - bounds.minY(), 1e-9);
        return switch (label) {
            case 0 -> flagsAndBars && random.nextDouble() < BARRED ? barred(strokes, bounds, height, random)
                    : slashed(strokes, bounds, height, random);
            case 1 -> flagged(strokes, bounds, height, random);
            case 2 -> looped(strokes, height, random);
            case 7 -> crossed(strokes, bounds, height, random);
            default -> strokes;
        };
    }

    /** A bar across the oval, as in a theta: nearly level, from left to right, reaching past the sides. */
    private static List<Stroke> barred(List<Stroke> strokes, Bounds bounds, double height, SplittableRandom random) {
        double width = bounds.maxX() - bounds.minX();
        double left = bounds.minX() - width * random.nextDouble() * 0.25;
        double right = bounds.maxX() + width * random.nextDouble() * 0.35;
        double y = bounds.midY() + (random.nextDouble() - 0.5) * 0.2 * height;
        double rise = Math.tan(Math.toRadians(-8 + random.nextDouble() * 20)) * (right - left) / 2;
        return plus(strokes, line(left, y + rise, right, y - rise));
    }

    /**
     * A short flag from the top of a plain stick down to the left, in the same stroke or as a stroke of
     * its own. Kept shorter than half the height and steeper than a 7's bar: longer, flatter flags
     * are what a 7 looks like in other hands.
     */
    private static List<Stroke> flagged(List<Stroke> strokes, Bounds bounds, double height, SplittableRandom random) {
        if (strokes.size() != 1 || bounds.maxX() - bounds.minX() > STICK * height) {
            return strokes;
        }
        List<Point> points = strokes.get(0).points();
        int top = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).y() < points.get(top).y()) {
                top = i;
            }
        }
        Point peak = points.get(top);
        double length = height * (0.12 + random.nextDouble() * 0.33);
        double angle = Math.toRadians(25 + random.nextDouble() * 40);
        double bulge = length * random.nextDouble() * 0.15;
        Stroke flag = arc(peak.x() - length * Math.cos(angle), peak.y() + length * Math.sin(angle), peak.x(), peak.y(), bulge);
        if (random.nextDouble() < 0.4) {
            return plus(strokes, random.nextBoolean() ? flag : StrokeDirections.backwards(flag));
        }
        List<Point> joined = new ArrayList<>(points.size() + 9);
        if (top < points.size() / 2) {
            joined.addAll(flag.points());
            joined.addAll(points.subList(top + 1, points.size()));
        } else {
            joined.addAll(points.subList(0, top));
            joined.addAll(StrokeDirections.backwards(flag).points());
        }
        return List.of(new Stroke(joined));
    }

    /** A straight stroke through the oval, mostly "/" and sometimes "\", reaching a little past it. */
    private static List<Stroke> slashed(List<Stroke> strokes, Bounds bounds, double height, SplittableRandom random) {
        double angle = Math.toRadians(50 + random.nextDouble() * 30);
        double half = height * (0.5 + random.nextDouble() * 0.2) / Math.sin(angle);
        double dx = Math.cos(angle) * half * (random.nextDouble() < 0.8 ? 1 : -1);
        double dy = Math.sin(angle) * half;
        double cx = bounds.midX() + (random.nextDouble() - 0.5) * 0.1 * height;
        double cy = bounds.midY() + (random.nextDouble() - 0.5) * 0.1 * height;
        return plus(strokes, line(cx + dx, cy - dy, cx - dx, cy + dy));
    }

    /** A small loop, drawn in the same stroke, at the lowest-left corner of the trace. */
    private static List<Stroke> looped(List<Stroke> strokes, double height, SplittableRandom random) {
        int strokeIndex = 0;
        int pointIndex = 0;
        double best = -Double.MAX_VALUE;
        for (int s = 0; s < strokes.size(); s++) {
            List<Point> points = strokes.get(s).points();
            for (int i = 0; i < points.size(); i++) {
                double score = points.get(i).y() - points.get(i).x();
                if (score > best) {
                    best = score;
                    strokeIndex = s;
                    pointIndex = i;
                }
            }
        }
        List<Point> points = strokes.get(strokeIndex).points();
        Point corner = points.get(pointIndex);
        double radius = height * (0.06 + random.nextDouble() * 0.1);
        double wide = 1 + random.nextDouble() * 0.6;
        double back = radius * 0.3;
        List<Point> loop = new ArrayList<>(points.size() + 24);
        loop.addAll(points.subList(0, pointIndex + 1));
        for (int step = 1; step <= 24; step++) {
            double theta = Math.PI / 2 + 2 * Math.PI * step / 24;
            // from the corner round the loop and back to a point just left of it, so the base crosses the loop's start
            loop.add(new Point(corner.x() + wide * radius * Math.cos(theta) - back * step / 24,
                    corner.y() - radius + radius * Math.sin(theta)));
        }
        loop.addAll(points.subList(pointIndex + 1, points.size()));
        List<Stroke> out = new ArrayList<>(strokes);
        out.set(strokeIndex, new Stroke(loop));
        return List.copyOf(out);
    }

    /** A short bar across the stem, about halfway down. */
    private static List<Stroke> crossed(List<Stroke> strokes, Bounds bounds, double height, SplittableRandom random) {
        double barY = bounds.minY() + height * (0.45 + random.nextDouble() * 0.15);
        Point stem = null;
        for (Stroke stroke : strokes) {
            for (Point p : stroke.points()) {
                if (stem == null || Math.abs(p.y() - barY) < Math.abs(stem.y() - barY)) {
                    stem = p;
                }
            }
        }
        double half = height * (0.12 + random.nextDouble() * 0.13);
        double tilt = (random.nextDouble() - 0.5) * 0.1 * height;
        double shift = (random.nextDouble() - 0.5) * 0.2 * half;
        return plus(strokes, line(stem.x() - half + shift, barY + tilt, stem.x() + half + shift, barY - tilt));
    }

    /** A line from (x0, y0) to (x1, y1) bowed up by {@code bulge} in its middle. */
    private static Stroke arc(double x0, double y0, double x1, double y1, double bulge) {
        List<Point> points = new ArrayList<>(9);
        for (int i = 0; i <= 8; i++) {
            double t = i / 8.0;
            points.add(new Point(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t - bulge * Math.sin(Math.PI * t)));
        }
        return new Stroke(points);
    }

    private static Stroke line(double x0, double y0, double x1, double y1) {
        return arc(x0, y0, x1, y1, 0);
    }

    private static List<Stroke> plus(List<Stroke> strokes, Stroke extra) {
        List<Stroke> out = new ArrayList<>(strokes);
        out.add(extra);
        return List.copyOf(out);
    }
}
