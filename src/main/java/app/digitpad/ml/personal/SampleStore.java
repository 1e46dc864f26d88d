package app.digitpad.ml.personal;

import app.digitpad.ml.io.AtomicWrite;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The user's labelled drawings, one JSON line each in {@code samples.jsonl}. A new sample is
 * appended and forced to disk before the call returns; deleting or relabelling writes a new file
 * beside the old one and moves it into place, so the file is never rewritten in place and a crash
 * leaves the old file or the new one. Lines that cannot be read are reported (file and line) and
 * skipped, and kept as they are when the file is written again, so nothing is lost.
 * Thread-safe.
 */
public final class SampleStore {
    /** What adding a sample did. */
    public enum Added { ADDED, ALREADY_SAVED, RELABELLED }

    /** The samples of a file and the lines that could not be read. */
    public record Contents(List<PersonalSample> samples, List<String> warnings) {}

    private final Path file;

    public SampleStore(Path file) {
        this.file = file;
    }

    /** {@code ~/.digitpad/samples/samples.jsonl}, or under {@code $digitpad.home}. */
    public static SampleStore userDefault() {
        return new SampleStore(app.digitpad.ml.io.DigitPadHome.folder().resolve("samples").resolve("samples.jsonl"));
    }

    public Path file() {
        return file;
    }

    public synchronized Contents load() throws IOException {
        return read(file);
    }

    /**
     * Saves a labelled drawing. The same drawing labelled again is not stored twice: with the same
     * label nothing changes, with another one its label is changed.
     */
    public synchronized Added add(PersonalSample sample) throws IOException {
        Contents contents = read(file);
        for (PersonalSample existing : contents.samples()) {
            if (existing.id().equals(sample.id())) {
                if (existing.label() == sample.label()) {
                    return Added.ALREADY_SAVED;
                }
                relabel(sample.id(), sample.label());
                return Added.RELABELLED;
            }
        }
        append(List.of(sample));
        return Added.ADDED;
    }

    public synchronized boolean relabel(String id, int label) throws IOException {
        return rewrite(s -> s.id().equals(id) ? s.withLabel(label) : s);
    }

    public synchronized boolean delete(String id) throws IOException {
        return rewrite(s -> s.id().equals(id) ? null : s);
    }

    /** Writes the readable samples to {@code target} (a file to share). */
    public synchronized int exportTo(Path target) throws IOException {
        List<PersonalSample> samples = read(file).samples();
        AtomicWrite.write(target, out -> {
            for (PersonalSample s : samples) {
                out.write((s.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        return samples.size();
    }

    /**
     * Adds the samples of another samples file that are not here yet (by drawing); unreadable lines
     * there are skipped and reported.
     *
     * @return how many were added, and the other file's warnings
     */
    public synchronized ImportResult importFrom(Path source) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("Samples file " + source + " does not exist.");
        }
        Contents incoming = read(source);
        Map<String, PersonalSample> known = new LinkedHashMap<>();
        for (PersonalSample s : read(file).samples()) {
            known.put(s.id(), s);
        }
        List<PersonalSample> fresh = new ArrayList<>();
        for (PersonalSample s : incoming.samples()) {
            if (known.putIfAbsent(s.id(), s) == null) {
                fresh.add(s);
            }
        }
        append(fresh);
        return new ImportResult(fresh.size(), incoming.samples().size() - fresh.size(), incoming.warnings());
    }

    /** @param added new samples; @param duplicates already here; @param warnings the unreadable lines */
    public record ImportResult(int added, int duplicates, List<String> warnings) {}

    private void append(List<PersonalSample> samples) throws IOException {
        if (samples.isEmpty()) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        if (Files.exists(file) && Files.size(file) > 0 && !endsWithNewline()) {
            text.append('\n'); // a line cut short by a crash stays on its own line
        }
        for (PersonalSample s : samples) {
            text.append(s.toJson()).append('\n');
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /** Applies {@code edit} to every sample (null drops it) and writes the file anew if anything changed. */
    private boolean rewrite(Function<PersonalSample, PersonalSample> edit) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(lines.size());
        boolean changed = false;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            PersonalSample sample;
            try {
                sample = PersonalSample.fromJson(line);
            } catch (IllegalArgumentException e) {
                kept.add(line); // not ours to drop
                continue;
            }
            PersonalSample edited = edit.apply(sample);
            if (edited == null) {
                changed = true;
            } else if (edited != sample) {
                changed = true;
                kept.add(edited.toJson());
            } else {
                kept.add(line);
            }
        }
        if (changed) {
            AtomicWrite.write(file, out -> {
                for (String line : kept) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        return changed;
    }

    private static Contents read(Path path) throws IOException {
        List<PersonalSample> samples = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.exists(path)) {
            return new Contents(samples, warnings);
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    PersonalSample sample = PersonalSample.fromJson(line);
                    Integer index = seen.get(sample.id());
                    if (index != null) {
                        samples.set(index, sample); // a later line for the same drawing wins
                    } else {
                        seen.put(sample.id(), samples.size());
                        samples.add(sample);
                    }
                } catch (IllegalArgumentException e) {
                    warnings.add(path + " line " + number + " was skipped: it is not a sample (" + e.getMessage() + ").");
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            warnings.add(path + " is not UTF-8 text from some point on; the samples before that were read.");
        }
        return new Contents(samples, warnings);
    }
}
