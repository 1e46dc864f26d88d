package app.digitpad.ui.evaluate;

import app.digitpad.ui.PngFiles;
import app.digitpad.ml.eval.ConfusionMatrixCsv;
import app.digitpad.ui.Dialogs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Export CSV and Export PNG: ask where to save, write on a worker (through a temporary file), then
 * tell the user where the file is or why it could not be written.
 */
final class EvaluationExports {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EvaluationExports.class);

    /** Writes one export to its file. */
    @FunctionalInterface
    private interface Writer {
        void write(Path target) throws IOException;
    }

    private final Dialogs dialogs;
    private final Executor background;
    private final Executor fx;

    EvaluationExports(Dialogs dialogs, Executor background, Executor fx) {
        this.dialogs = dialogs;
        this.background = background;
        this.fx = fx;
    }

    void csv(EvaluateViewModel.Result result) {
        save("Export confusion matrix as CSV", "digitpad-evaluation.csv", ".csv", "CSV",
                () -> path -> ConfusionMatrixCsv.write(path, result.evaluation(), result.model()));
    }

    /** @param render draws the picture, on the calling (FX) thread, once the user has chosen a file */
    void png(EvaluateViewModel.Result result, Function<EvaluateViewModel.Result, BufferedImage> render) {
        save("Export evaluation as PNG", "digitpad-evaluation.png", ".png", "PNG", () -> {
            BufferedImage pixels = render.apply(result);
            return path -> PngFiles.write(path, pixels);
        });
    }

    /** @param prepare runs on the calling thread once a file is chosen, and gives what writes it */
    private void save(String title, String name, String extension, String kind, Supplier<Writer> prepare) {
        dialogs.chooseSaveFile(title, name, extension).ifPresent(path -> {
            Writer writer;
            try {
                writer = prepare.get();
            } catch (RuntimeException e) {
                LOG.error("Could not export the {}", kind, e);
                dialogs.showError("Could not export the " + kind, describe(e));
                return;
            }
            background.execute(() -> {
                try {
                    writer.write(path);
                    fx.execute(() -> dialogs.notifySaved(path));
                } catch (IOException | RuntimeException e) {
                    LOG.error("Could not export the {} to {}", kind, path, e);
                    fx.execute(() -> dialogs.showError("Could not export the " + kind, describe(e)));
                }
            });
        });
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
    }
}
