package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import org.junit.jupiter.api.Test;

class ShippedModelTest {
    @Test
    void theShippedModelScoresAtLeast99point3PercentOnTheFullTestSet() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            Evaluation evaluation = Evaluator.evaluate(classifier, TestData.test());
            assertEquals(10_000, evaluation.size());
            assertTrue(evaluation.accuracy() >= 0.993, "accuracy " + evaluation.accuracy());
            // what the file claims about itself is what it does
            assertEquals(classifier.metadata().testAccuracy(), evaluation.accuracy(), 0.0005);
        }
    }
}
