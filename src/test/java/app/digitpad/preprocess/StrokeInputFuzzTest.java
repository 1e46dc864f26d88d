package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thousand seeded mutations each of a drawing's JSON ({@link Drawing#fromJson}) and of a pen-digit
 * line ({@link PenDigits#read}): bit flips, truncation, huge and odd numbers, huge sizes, duplicated
 * and reordered strokes and keys. Each is read and, if it reads, drawn and normalized as the pad
 * does; it either gives a 28x28 input of values in [0, 1] (or "no ink", for a drawing off the pad)
 * or is refused with a one-line message of the documented type. Nothing else escapes, and no case
 * hangs or allocates without bound.
 */
class StrokeInputFuzzTest {
    private static final long SEED = 16;
    private static final int CASES = 1_000;
    private static final long MAX_CASE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long MAX_CASE_ALLOCATION = 256L << 20;
    private static final String[] KINDS = {"bit flips", "truncation", "huge numbers", "huge sizes", "duplicated and reordered"};
    private static final String[] ODD_NUMBERS = {"1e308", "-1e308", "1e999", "-1e999", "NaN", "Infinity", "-Infinity",
        "9223372036854775808", "1e-400", "4294967296", "-0", "2147483648", "10000001", "\"12\"", "null", "true", "[]", "{}"};
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void drawingJsonEitherDrawsOrIsRefusedInOneLine() throws Exception {
        PenDigit sample = PenDigits.load(PenDigitsTest.sampleFile()).get(3);
        String drawing = Drawing.toJson(PenDigitPlacer.place(sample.strokes(), MnistPreprocessor.PAD_SIZE));
        fuzz("Drawing JSON", drawing, text -> {
            Drawing parsed;
            try {
                parsed = Drawing.fromJson(text);
            } catch (IllegalArgumentException e) {
                return refusal(e, "not a drawing: ");
            }
            return draw(parsed.strokes());
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void penDigitLinesEitherDrawOrAreRefusedInOneLine() throws Exception {
        String line = Files.readAllLines(PenDigitsTest.sampleFile()).get(3);
        fuzz("pen-digit line", line, text -> {
            List<PenDigit> digits;
            try {
                digits = PenDigits.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "fuzz.jsonl");
            } catch (IOException e) {
                return refusal(e, "fuzz.jsonl line ");
            }
            String outcome = "read";
            for (PenDigit digit : digits) {
                outcome = draw(PenDigitPlacer.place(digit.strokes(), MnistPreprocessor.PAD_SIZE));
                if (outcome.startsWith("FAILED")) {
                    return outcome;
                }
            }
            return outcome;
        });
    }

    /** What one case came to: "drawn", "no ink", "empty", "refused", or "FAILED ..." */
    @FunctionalInterface
    private interface Case {
        String run(String input) throws Exception;
    }

    private static String refusal(Exception e, String prefix) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(prefix) && !message.contains("\n") && !message.contains("\r") ? "refused"
                : "FAILED: refused without a one-line message: " + message;
    }

    private static String draw(List<Stroke> strokes) {
        if (strokes.isEmpty()) {
            return "empty";
        }
        float[] input;
        try {
            input = MnistPreprocessor.fromStrokes(strokes);
        } catch (NoInkException e) {
            return "no ink";
        }
        for (float v : input) {
            if (!(v >= 0 && v <= 1)) {
                return "FAILED: the input holds " + v;
            }
        }
        return input.length == 784 ? "drawn" : "FAILED: " + input.length + " values";
    }

    private static void fuzz(String what, String base, Case check) {
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long slowest = 0;
        for (int i = 0; i < CASES; i++) {
            String kind = KINDS[i % KINDS.length];
            String input = mutate(kind, base, random);
            long allocatedBefore = allocatedBytes();
            long caseStart = System.nanoTime();
            String outcome;
            try {
                outcome = check.run(input);
            } catch (Throwable e) { // OutOfMemoryError and StackOverflowError included
                outcome = "FAILED: threw " + e;
            }
            long nanos = System.nanoTime() - caseStart;
            long allocated = allocatedBytes() - allocatedBefore;
            slowest = Math.max(slowest, nanos);
            if (nanos > MAX_CASE_NANOS || allocated > MAX_CASE_ALLOCATION) {
                outcome = String.format("FAILED: took %.1f s and allocated %d MB", nanos / 1e9, allocated >> 20);
            }
            if (outcome.startsWith("FAILED")) {
                failures.add("case " + i + " (" + kind + "): " + outcome);
                outcome = "FAILED";
            }
            outcomes.merge(kind + " " + outcome, 1, Integer::sum);
        }
        System.err.printf("%s fuzz, seed %d: %d cases in %.1f s, %.1f s of CPU (slowest %.0f ms): %s%n", what, SEED, CASES,
                (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9, slowest / 1e6, outcomes);
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)), failures.size() + " failures");
    }

    private static String mutate(String kind, String base, Random random) {
        switch (kind) {
            case "bit flips": {
                byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
                for (int f = 1 + random.nextInt(8); f > 0; f--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case "truncation":
                return base.substring(0, random.nextInt(base.length()));
            case "huge numbers": {
                List<int[]> numbers = new ArrayList<>();
                Matcher m = NUMBER.matcher(base);
                while (m.find()) {
                    numbers.add(new int[] {m.start(), m.end()});
                }
                String text = base;
                for (int n = 1 + random.nextInt(3); n > 0; n--) { // right to left keeps the other positions valid
                    int[] at = numbers.get(numbers.size() - 1 - random.nextInt(numbers.size()));
                    text = text.substring(0, at[0]) + ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)] + text.substring(at[1]);
                    numbers.removeIf(p -> p[0] >= at[0]);
                    if (numbers.isEmpty()) {
                        break;
                    }
                }
                return text;
            }
            case "huge sizes":
                return hugeSize(base, random);
            default:
                return reordered(base, random);
        }
    }

    private static String hugeSize(String base, Random random) {
        int strokes = base.indexOf("\"strokes\":[") + "\"strokes\":[".length();
        switch (random.nextInt(5)) {
            case 0: { // one point repeated until the drawing has thousands of points: some within the limit, some past it
                int point = base.indexOf("[", strokes + 1);
                String first = base.substring(point, base.indexOf("]", point) + 1);
                int copies = 1 << (8 + random.nextInt(8));
                return base.substring(0, point) + (first + ",").repeat(copies) + base.substring(point);
            }
            case 1: { // nesting far deeper than a stroke list
                int depth = 10 + random.nextInt(20_000);
                return base.substring(0, strokes) + "[".repeat(depth) + "0" + "]".repeat(depth) + "," + base.substring(strokes);
            }
            case 2: // a huge string where a short one belongs
                return base.replaceFirst("\"[^\"]*\"", "\"" + "9".repeat(1 << (10 + random.nextInt(11))) + "\"");
            case 3: // a line of megabytes
                return base + " ".repeat((1 << 20) + random.nextInt(1 << 20));
            default: { // many strokes
                int from = base.indexOf("[[", strokes - 1);
                int to = base.indexOf("]]", from) + 2;
                String stroke = base.substring(from, to);
                return base.substring(0, from) + (stroke + ",").repeat(1 << random.nextInt(14)) + base.substring(from);
            }
        }
    }

    private static String reordered(String base, Random random) {
        int open = base.indexOf("\"strokes\":[") + "\"strokes\":[".length();
        int close = base.lastIndexOf("]]]") + 2;
        List<String> strokes = new ArrayList<>(Arrays.asList(base.substring(open, close).split("(?<=\\]\\]),(?=\\[\\[)")));
        switch (random.nextInt(4)) {
            case 0 -> strokes.add(random.nextInt(strokes.size() + 1), strokes.get(random.nextInt(strokes.size())));
            case 1 -> java.util.Collections.reverse(strokes);
            case 2 -> strokes.replaceAll(stroke -> { // points of each stroke in reverse
                List<String> points = new ArrayList<>(Arrays.asList(stroke.substring(1, stroke.length() - 1).split("(?<=\\]),(?=\\[)")));
                java.util.Collections.reverse(points);
                return "[" + String.join(",", points) + "]";
            });
            default -> { // the keys twice: Gson keeps the last
                return base.substring(0, base.length() - 1) + "," + base.substring(1);
            }
        }
        return base.substring(0, open) + String.join(",", strokes) + base.substring(close);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
