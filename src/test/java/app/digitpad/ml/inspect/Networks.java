package app.digitpad.ml.inspect;

import app.digitpad.ml.TestData;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingRun;

/**
 * Networks of each architecture for tests that need one but not a good one: trained on a single
 * batch of 64 MNIST images (seeded), so their parameters are close to the initial random ones.
 * Made through TrainingRun and TrainingConfig's defaults rather than by hand, so they are built
 * exactly as the app builds them.
 */
public final class Networks {
    private Networks() {}

    /** The caller owns the returned classifier. */
    public static DigitClassifier oneBatch(Architecture architecture) {
        TrainingConfig config = TrainingConfig.defaults().withArchitecture(architecture).withBatchSize(64).withLimits(64, 64);
        try {
            return new TrainingRun(config, TestData.train(), TestData.test(), new TrainingListener() {}).run().classifier();
        } catch (Exception e) {
            throw new IllegalStateException("could not make a " + architecture.id() + " network: " + e.getMessage(), e);
        }
    }

    /** Sum of the sizes of every parameter array the network holds, counted over the whole block. */
    public static long heldParameters(DigitClassifier classifier) throws Exception {
        return classifier.inspect(pass -> pass.network().getParameters().values().stream()
                .mapToLong(p -> p.getArray().size()).sum());
    }
}
