package app.digitpad.ml.personal;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.train.Adaptation;
import app.digitpad.ml.train.StrokeReaderAdaptation;
import app.digitpad.preprocess.PenDigit;
import java.nio.file.Path;
import java.util.List;

/**
 * Teach mode's work: adapts both readers of the pad to a person's samples (the picture network with
 * {@link Adaptation}, the stroke reader with {@link StrokeReaderAdaptation}) and saves them, the
 * stroke reader beside the model file ({@link StrokeReader#besideModel}), so they go live and come
 * back together. Adapting only the picture network would leave the stroke reader, sure of its old
 * answer, outvoting it. Cancellable between steps.
 */
public final class HandwritingAdaptation {
    /** Of the progress, the share the picture network's steps take; the stroke reader's are quicker. */
    private static final int PICTURE_SHARE = 4;
    private static final int SHARES = 5;

    /** The adapted model, the file it was saved to, and its stroke reader (null if there was none to adapt). */
    public record Result(DigitClassifier model, Path file, StrokeReader reader) {}

    private final Adaptation picture;
    private final StrokeReaderAdaptation path;

    /**
     * @param reader the stroke reader that reads with {@code parent} (null: none has loaded, only the picture is adapted)
     * @param listener hears of progress through both adaptations, on the adapting thread
     */
    public HandwritingAdaptation(DigitClassifier parent, StrokeReader reader, List<PenDigit> corrections, MnistData train,
            MnistData test, PenTrainingSet pen, Adaptation.Settings settings, Adaptation.Listener listener) {
        int steps = settings.steps();
        picture = new Adaptation(parent, corrections, train, test, pen, settings,
                (step, total, loss) -> listener.onStep(step * PICTURE_SHARE, total * SHARES, loss));
        path = reader == null ? null : new StrokeReaderAdaptation(reader, corrections, pen == null ? List.of() : pen.digits(), settings,
                (step, total, loss) -> listener.onStep(steps * PICTURE_SHARE + step, steps * SHARES, loss));
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

    /** Adapts both readers and saves them under {@code models}; the caller owns the result. */
    public Result run(ModelStore models) throws Exception {
        DigitClassifier model = picture.run();
        StrokeReader reader = null;
        try {
            reader = path == null ? null : path.run();
            Path file = models.newModelPath("personal");
            if (reader != null) { // first, so a model file never goes without the reader adapted with it
                reader.save(StrokeReader.besideModel(file));
            }
            ModelFiles.save(model, file);
            model.warmUp();
            return new Result(model, file, reader);
        } catch (Exception | Error e) {
            close(model, reader);
            throw e;
        }
    }

    private static void close(DigitClassifier model, StrokeReader reader) {
        model.close();
        if (reader != null) {
            reader.close();
        }
    }
}
