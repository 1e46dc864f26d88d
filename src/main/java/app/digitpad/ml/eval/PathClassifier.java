package app.digitpad.ml.eval;

import app.digitpad.preprocess.Stroke;
import java.util.List;

/**
 * Something that reads drawings from their strokes, as the stroke reader does: 10 digit probabilities
 * each, then "not a digit" if it knows that answer.
 */
public interface PathClassifier {
    float[][] probabilities(List<List<Stroke>> drawings) throws Exception;
}
