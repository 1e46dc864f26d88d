package app.digitpad.ml.personal;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.train.Adaptation;
import app.digitpad.ml.train.StrokeReaderAdaptation;
import app.digitpad.preprocess.PenDigit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Teach mode's work: adapts both readers of the pad to a person's samples (the picture network with
 * {@link Adaptation}, the stroke reader with {@link StrokeReaderAdaptation}); {@link Result#save}
 * keeps both in one model file, so they go live and come back together. Adapting only the picture network would leave the stroke reader, sure of its old
 * answer, outvoting it. Cancellable between steps.
 */
public final class HandwritingAdaptation {
    /** The adapted model and its stroke reader (null if there was none to adapt). */
    public record Result(DigitClassifier model, StrokeReader reader) implements AutoCloseable {
        /** Saves both in one model file ({@link StrokeReader#inModel} reads the reader back). */
        public void save(Path file) throws IOException {
            if (reader == null) {
                ModelFiles.save(model, file);
            } else {
                ModelFiles.save(model, reader, file);
            }
        }

        @Override
        public void close() {
            try {
                model.close();
            } finally {
                if (reader != null) {
                    reader.close();
                }
            }
        }
    }

    private final Adaptation picture;
    private final StrokeReaderAdaptation path;

    /**
     * @param reader the stroke reader that reads with {@code parent} (null: none has loaded, only the picture is adapted)
     * @param listener hears of progress through both adaptations, on the adapting thread
     */
    public HandwritingAdaptation(DigitClassifier parent, StrokeReader reader, List<PenDigit> corrections, MnistData train,
            MnistData test, PenTrainingSet pen, Adaptation.Settings settings, Adaptation.Listener listener) {
        // progress: the steps taken, of all the steps of both
        int total = settings.steps() + (reader == null ? 0 : StrokeReaderAdaptation.steps(settings));
        picture = new Adaptation(parent, corrections, train, test, pen, settings,
                (step, steps, loss) -> listener.onStep(step, total, loss));
        path = reader == null ? null : new StrokeReaderAdaptation(reader, corrections, pen == null ? List.of() : pen.all(),
                settings, (step, steps, loss) -> listener.onStep(settings.steps() + step, total, loss));
    }

    /** How many of the samples the picture network learns from. */
    public int samples() {
        return picture.samples();
    }

    public void cancel() {
        picture.cancel();
        if (path != null) {
            path.cancel();
        }
    }

    /**
     * Adapts both readers, one after the other (DJL collects one gradient at a time); the caller owns
     * the result.
     */
    public Result run() throws Exception {
        DigitClassifier model = picture.run();
        try {
            return new Result(model, path == null ? null : path.run());
        } catch (Exception | Error e) {
            model.close();
            throw e;
        }
    }
}
