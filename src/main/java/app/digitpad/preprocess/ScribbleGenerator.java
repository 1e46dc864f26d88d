package app.digitpad.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random scribbles: marks a person makes on a pad that nobody would read as a digit. Four
 * kinds: a tangled random walk, back-and-forth hatching, scattered dashes, and a spiral. Each one traces far more than its size (or is many separate
 * marks), which is what keeps it apart from a digit: an 8, the longest digit, traces about three
 * times its height; every scribble here traces at least five times its extent. None is packed so
 * tight that it becomes a solid blot once drawn into 28x28: a solid bar is what a thick MNIST 1
 * looks like. Two kinds were tried and left out for looking like digits once in 28x28: a coiled
 * spring (a thick bar, a 1) and circles drawn over each other (a bold 0, or an 8 when stacked).
 * Coordinates are in a unit frame; the recognizer normalizes size and position away.
 */
public final class ScribbleGenerator {
    /** How many kinds {@link #scribble} chooses among. */
    public static final int KINDS = 4;
    /** The kind made of many separate marks rather than one long trace. */
    static final int DASHES = 2;
    /** The shortest trace, in multiples of the mark's larger extent, of the one-stroke kinds. */
    static final double MIN_TRACE = 5;

    private ScribbleGenerator() {}

    /** One random scribble of a random kind. */
    public static List<Stroke> scribble(SplittableRandom random) {
        return scribble(random.nextInt(KINDS), random);
    }

    /** {@code count} scribbles from {@code seed}: the same list for the same seed, on any machine. */
    public static List<List<Stroke>> set(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Stroke>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(scribble(i % KINDS, random));
        }
        return all;
    }

    static List<Stroke> scribble(int kind, SplittableRandom random) {
        for (int attempt = 0; ; attempt++) {
            List<Stroke> strokes = switch (kind) {
                case 0 -> randomWalk(random);
                case 1 -> hatching(random);
                case DASHES -> dashes(random);
                default -> spiral(random);
            };
            if (kind == DASHES || trace(strokes) >= MIN_TRACE * extent(strokes) || attempt > 20) {
                return strokes;
            }
        }
    }

    /** A pen wandering with sharp random turns inside a box. */
    private static List<Stroke> randomWalk(SplittableRandom random) {
        int steps = 30 + random.nextInt(45);
        double x = 0.5;
        double y = 0.5;
        double heading = random.nextDouble() * 2 * Math.PI;
        double turn = 0.5 + random.nextDouble() * 0.9;
        List<Point> points = new ArrayList<>();
        points.add(new Point(x, y));
        for (int i = 0; i < steps; i++) {
            heading += random.nextGaussian() * turn;
            double step = 0.03 + random.nextDouble() * 0.05;
            x += Math.cos(heading) * step;
            y += Math.sin(heading) * step;
            if (x < 0 || x > 1) {
                heading = Math.PI - heading;
                x = Math.max(0, Math.min(1, x));
            }
            if (y < 0 || y > 1) {
                heading = -heading;
                y = Math.max(0, Math.min(1, y));
            }
            points.add(new Point(x, y));
        }
        return List.of(new Stroke(points));
    }

    /**
     * Back-and-forth strokes filling an area, at any angle, as when shading or crossing out. Packed
     * tight, the area becomes a solid blot once drawn into 28x28, which is what crossing out looks
     * like; but the area is kept about as wide as it is long: a long, narrow solid bar is what a
     * thick, slanted MNIST 1 looks like.
     */
    private static List<Stroke> hatching(SplittableRandom random) {
        int lines = 6 + random.nextInt(11);
        double angle = random.nextDouble() * Math.PI;
        double length = 0.6 + random.nextDouble() * 0.4;
        double width = length * (0.6 + random.nextDouble() * 0.9);
        double spacing = width / lines;
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= lines; i++) {
            double along = (i % 2 == 0 ? -0.5 : 0.5) * length * (0.8 + random.nextDouble() * 0.2);
            double across = (i - lines / 2.0) * spacing + random.nextGaussian() * spacing * 0.2;
            points.add(rotate(along, across, angle));
        }
        return List.of(new Stroke(smooth(points, 3)));
    }

    /** Five to twelve short marks scattered over the pad. */
    private static List<Stroke> dashes(SplittableRandom random) {
        int count = 5 + random.nextInt(8);
        List<Stroke> strokes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            double angle = random.nextDouble() * 2 * Math.PI;
            double length = 0.03 + random.nextDouble() * 0.15;
            double bend = random.nextGaussian() * 0.3;
            List<Point> points = new ArrayList<>();
            for (int k = 0; k <= 4; k++) {
                double t = k / 4.0;
                double a = angle + bend * t;
                points.add(new Point(x + Math.cos(a) * length * t, y + Math.sin(a) * length * t));
            }
            strokes.add(new Stroke(points));
        }
        return strokes;
    }

    /** A tight spiral of three to seven turns, inwards or outwards. */
    private static List<Stroke> spiral(SplittableRandom random) {
        double turns = 2.2 + random.nextDouble() * 1.3;
        double squash = 0.8 + random.nextDouble() * 0.2;
        boolean inwards = random.nextBoolean();
        List<Point> points = new ArrayList<>();
        int n = (int) (turns * 20);
        for (int i = 0; i <= n; i++) {
            double f = i / (double) n;
            double r = 0.05 + 0.45 * (inwards ? 1 - f : f);
            double t = f * turns * 2 * Math.PI;
            points.add(new Point(r * Math.cos(t), r * Math.sin(t) * squash));
        }
        return List.of(new Stroke(points));
    }

    private static Point rotate(double along, double across, double angle) {
        return new Point(along * Math.cos(angle) - across * Math.sin(angle), along * Math.sin(angle) + across * Math.cos(angle));
    }

    /** Adds {@code between} points on each segment, so the pad's smoothing rounds the turns a little. */
    private static List<Point> smooth(List<Point> corners, int between) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i + 1 < corners.size(); i++) {
            Point a = corners.get(i);
            Point b = corners.get(i + 1);
            for (int k = 0; k <= between; k++) {
                double t = k / (double) (between + 1);
                points.add(new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t));
            }
        }
        points.add(corners.get(corners.size() - 1));
        return points;
    }

    /** Total length of all strokes. */
    static double trace(List<Stroke> strokes) {
        double length = 0;
        for (Stroke stroke : strokes) {
            List<Point> p = stroke.points();
            for (int i = 1; i < p.size(); i++) {
                length += Math.hypot(p.get(i).x() - p.get(i - 1).x(), p.get(i).y() - p.get(i - 1).y());
            }
        }
        return length;
    }

    /** The larger side of the points' bounding box. */
    static double extent(List<Stroke> strokes) {
        return Bounds.of(strokes).extent();
    }
}
