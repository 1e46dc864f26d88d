package app.digitpad.ml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thousand seeded mutations of the shipped model file: bit flips anywhere, truncation, duplicated
 * and reordered entries, bit flips and huge sizes inside the parameters, edited metadata, entries that
 * unpack to megabytes. Each one either loads (and then answers finite probabilities) or is refused
 * with a one-line {@link ModelFormatException} naming it; nothing else escapes, and no case hangs or
 * allocates more than a real model needs several times over.
 */
class ModelFileFuzzTest {
    private static final long SEED = 16;
    private static final int CASES = 1_000;
    private static final long MAX_CASE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long MAX_CASE_ALLOCATION = 64L << 20;
    private static final String[] KINDS = {"bit flips", "truncation", "duplicated entry", "reordered entries",
        "parameter bit flips", "metadata edit", "huge sizes", "oversized entry"};

    private final byte[] original = ZipBytes.bundled();
    private final List<ZipBytes.Entry> entries = ZipBytes.entries(original);
    private final byte[] metadata = ZipBytes.named(entries, "metadata.json").content();
    private final byte[] parameters = ZipBytes.named(entries, "parameters.djl").content();
    /** Where the arrays' headers are: flips there reach the structure, not only the weights. */
    private final List<Integer> headers = offsetsOf(parameters, "NDAR".getBytes(StandardCharsets.UTF_8));
    private final byte[] zeros = new byte[8 << 20];
    private final byte[][] oversized = new byte[4][];

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a hang fails here rather than stalling the build
    void everyMutationLoadsOrIsRefusedInOneLine() {
        Random random = new Random(SEED);
        float[] diagonal = new float[784];
        for (int i = 4; i < 24; i++) {
            diagonal[i * 28 + i] = 1;
        }
        Map<String, long[]> outcomes = new TreeMap<>(); // kind -> {loaded, refused, nanos}
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        long mostAllocated = 0;
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int i = 0; i < CASES; i++) {
            String kind = KINDS[i % KINDS.length];
            byte[] file = mutate(kind, random);
            String name = "case-" + i + ".dpmodel";
            long allocatedBefore = allocatedBytes();
            long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long caseStart = System.nanoTime();
            long[] counts = outcomes.computeIfAbsent(kind, k -> new long[3]);
            try (DigitClassifier loaded = ModelFiles.load(new ByteArrayInputStream(file), name)) {
                float[] probabilities = loaded.predict(diagonal);
                double sum = 0;
                for (float p : probabilities) {
                    sum += p;
                }
                if (!(Math.abs(sum - 1) < 1e-3)) {
                    failures.add(name + " (" + kind + ") loaded but answers " + Arrays.toString(probabilities));
                }
                counts[0]++;
            } catch (ModelFormatException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("\n") || message.contains("\r") || !message.startsWith(name)) {
                    failures.add(name + " (" + kind + ") refused without one line naming it: " + message);
                }
                counts[1]++;
            } catch (Throwable e) { // OutOfMemoryError included: what this test is for
                failures.add(name + " (" + kind + ") threw " + e);
            }
            long nanos = System.nanoTime() - caseStart;
            counts[2] += ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
            long allocated = allocatedBytes() - allocatedBefore;
            slowest = Math.max(slowest, nanos);
            mostAllocated = Math.max(mostAllocated, allocated);
            if (nanos > MAX_CASE_NANOS || allocated > MAX_CASE_ALLOCATION) {
                failures.add(String.format("%s (%s) took %.1f s and allocated %d MB", name, kind, nanos / 1e9, allocated >> 20));
            }
        }
        StringBuilder summary = new StringBuilder(String.format("Model file fuzz, seed %d: %d cases in %.1f s, %.1f s of CPU "
                + "(slowest %.0f ms, most allocated %d MB); loaded/refused (test thread's CPU):", SEED, CASES, (System.nanoTime() - start) / 1e9,
                (processCpuNanos() - cpuStart) / 1e9, slowest / 1e6, mostAllocated >> 20));
        outcomes.forEach((kind, counts) -> summary.append(String.format(" %s %d/%d (%.1f s);", kind, counts[0], counts[1],
                counts[2] / 1e9)));
        System.err.println(summary);
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)), failures.size() + " failures");
    }

    private byte[] mutate(String kind, Random random) {
        switch (kind) {
            case "bit flips":
                return flip(original.clone(), 0, original.length, 1 + random.nextInt(8), random);
            case "truncation":
                return Arrays.copyOf(original, random.nextInt(original.length));
            case "duplicated entry": {
                List<ZipBytes.Entry> copy = new ArrayList<>(entries);
                copy.add(random.nextInt(copy.size() + 1), entries.get(random.nextInt(entries.size())));
                return ZipBytes.zip(copy, random.nextBoolean());
            }
            case "reordered entries": { // HostileModelFilesTest loads an undamaged one
                byte[] content = flipParameters(1 + random.nextInt(4), random);
                return ZipBytes.zip(List.of(new ZipBytes.Entry("parameters.djl", content), ZipBytes.named(entries, "metadata.json")), true);
            }
            case "parameter bit flips":
                return withParameters(flipParameters(1 + random.nextInt(4), random));
            case "metadata edit":
                return withMetadata(editMetadata(random));
            case "huge sizes":
                return hugeSize(random);
            case "oversized entry":
                return oversized(random);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    private byte[] flipParameters(int flips, Random random) {
        byte[] content = parameters.clone();
        for (int f = 0; f < flips; f++) {
            int at = random.nextInt(4) == 0 ? random.nextInt(content.length) // mostly weights
                    : Math.floorMod(headers.get(random.nextInt(headers.size())) + random.nextInt(160) - 80, content.length);
            content[at] ^= (byte) (1 << random.nextInt(8));
        }
        return content;
    }

    private byte[] editMetadata(Random random) {
        String json = new String(metadata, StandardCharsets.UTF_8);
        String[] huge = {"1e999", "-1e999", "NaN", "2147483648", "-2147483649", "9223372036854775808", "0", "-1", "1e-400",
            "\"" + "x".repeat(70_000) + "\""};
        switch (random.nextInt(4)) {
            case 0:
                return flip(metadata.clone(), 0, metadata.length, 1 + random.nextInt(6), random);
            case 1: { // a number replaced by a huge or odd one
                List<int[]> numbers = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=:)-?[0-9][0-9.eE+-]*").matcher(json);
                while (m.find()) {
                    numbers.add(new int[] {m.start(), m.end()});
                }
                int[] at = numbers.get(random.nextInt(numbers.size()));
                return (json.substring(0, at[0]) + huge[random.nextInt(huge.length)] + json.substring(at[1]))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 2: // the same weights labelled as another network
                return json.replace("\"fast-cnn\",\"layout\":2", new String[] {"\"lenet5\",\"layout\":1", "\"mlp\",\"layout\":1",
                    "\"seed-cnn\",\"layout\":1"}[random.nextInt(3)]).getBytes(StandardCharsets.UTF_8);
            default:
                return json.substring(0, random.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
        }
    }

    private byte[] hugeSize(Random random) {
        if (random.nextInt(4) == 0) { // the zip's own size fields (first local header: compressed, uncompressed)
            byte[] file = original.clone();
            ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(18 + 4 * random.nextInt(2), 0xFFFFFFFF);
            return file;
        }
        byte[] content = parameters.clone();
        int near = headers.get(random.nextInt(headers.size())) - 80 + random.nextInt(160);
        int at = Math.max(0, Math.min(content.length - 8, near));
        ByteBuffer buffer = ByteBuffer.wrap(content);
        switch (random.nextInt(4)) {
            case 0 -> buffer.putInt(at, Integer.MAX_VALUE);
            case 1 -> buffer.putInt(at, -1);
            case 2 -> buffer.putLong(at, Long.MAX_VALUE);
            default -> buffer.putLong(at, 1L << (31 + random.nextInt(32)));
        }
        return withParameters(content);
    }

    /** A zip whose metadata or parameters unpack to 8 MB of zeros, first or second: made once each. */
    private byte[] oversized(Random random) {
        int variant = random.nextInt(oversized.length);
        if (oversized[variant] == null) {
            String bombName = variant % 2 == 0 ? "parameters.djl" : "metadata.json";
            List<ZipBytes.Entry> files = new ArrayList<>();
            for (ZipBytes.Entry entry : entries) {
                files.add(entry.name().equals(bombName) ? new ZipBytes.Entry(bombName, zeros) : entry);
            }
            if (variant >= 2) {
                java.util.Collections.reverse(files);
            }
            oversized[variant] = ZipBytes.zip(files, false);
        }
        return oversized[variant];
    }

    private byte[] withParameters(byte[] content) {
        return ZipBytes.zip(List.of(ZipBytes.named(entries, "metadata.json"), new ZipBytes.Entry("parameters.djl", content)), true);
    }

    private byte[] withMetadata(byte[] content) {
        return ZipBytes.zip(List.of(new ZipBytes.Entry("metadata.json", content), ZipBytes.named(entries, "parameters.djl")), true);
    }

    private static byte[] flip(byte[] bytes, int from, int to, int flips, Random random) {
        for (int f = 0; f < flips; f++) {
            bytes[from + random.nextInt(to - from)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private static List<Integer> offsetsOf(byte[] bytes, byte[] part) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                offsets.add(i);
            }
        }
        return offsets;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
