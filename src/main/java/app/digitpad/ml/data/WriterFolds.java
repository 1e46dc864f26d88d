package app.digitpad.ml.data;

import app.digitpad.preprocess.PenDigit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Splits pen samples into folds by writer, the way the validation split was made: every sample of a
 * writer lands in the same fold, so a model trained on the other folds has never seen that hand.
 * The fold depends on the writer's name alone, not on the file's order or size.
 */
public final class WriterFolds {
    private final int folds;

    public WriterFolds(int folds) {
        if (folds < 2 || folds > 256) {
            throw new IllegalArgumentException("folds must be 2 to 256, not " + folds);
        }
        this.folds = folds;
    }

    public int folds() {
        return folds;
    }

    /** The fold of {@code writer}: the first byte of SHA-256 of "cv:" + writer, modulo the number of folds. */
    public int of(String writer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("cv:" + writer).getBytes(StandardCharsets.UTF_8));
            return (hash[0] & 0xff) % folds;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The samples whose writer is in {@code fold}. */
    public List<PenDigit> in(List<PenDigit> samples, int fold) {
        return samples.stream().filter(s -> of(s.writer()) == fold).toList();
    }

    /** The samples whose writer is in any other fold. */
    public List<PenDigit> outside(List<PenDigit> samples, int fold) {
        return samples.stream().filter(s -> of(s.writer()) != fold).toList();
    }

    /** The training set without the writers of {@code fold}, digits and non-digits alike. */
    public PenTrainingSet outside(PenTrainingSet set, int fold) {
        return new PenTrainingSet(outside(set.digits(), fold), outside(set.nonDigits(), fold));
    }
}
