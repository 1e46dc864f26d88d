package app.digitpad.ui.train;

import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The run history is the model folder itself: every model a run saved is a file there, and its
 * metadata and training log say when it was trained, how and how well. So the history survives
 * restarts and needs no file of its own. Plain Java; call off the UI thread.
 */
public final class RunHistory {
    private RunHistory() {}

    /** Result of a scan: the runs, newest first, and the files that could not be read. */
    public record Scan(List<RunRecord> runs, List<String> problems) {}

    public static Scan scan(Path folder) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Scan(runs, problems);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                // Skip the temporary files of a save in progress (".name.dpmodel....tmp").
                if (!name.endsWith(ModelFiles.EXTENSION) || name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    runs.add(RunRecord.saved(file.toAbsolutePath(), ModelFiles.describe(file)));
                } catch (ModelFormatException e) {
                    LoggerFactory.getLogger(RunHistory.class).warn("Run history: {}", e.getMessage(), e);
                    problems.add(e.getMessage());
                }
            }
        }
        sort(runs);
        return new Scan(runs, problems);
    }

    /** Newest first. */
    static void sort(List<RunRecord> runs) {
        runs.sort(Comparator.comparing((RunRecord r) -> r.metadata().createdAt()).reversed()
                .thenComparing(RunRecord::fileName));
    }
}
