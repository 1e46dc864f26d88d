package app.digitpad.ml.inspect;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.net.Architecture;

/** Untrained networks of each architecture, with their freshly initialized (random, seeded) parameters. */
public final class Networks {
    private Networks() {}

    public static DigitClassifier untrained(Architecture architecture) {
        Engine.getInstance().setRandomSeed(42);
        Model model = Model.newInstance(architecture.id());
        Block block = architecture.build();
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
        return new DigitClassifier(model, ModelMetadata.of(architecture.id() + "-untrained", architecture, 0, 0, 0, 0, 0, 0,
                false, ""));
    }

    /** Sum of the sizes of every parameter array the network holds, counted over the whole block. */
    public static long heldParameters(DigitClassifier classifier) throws Exception {
        return classifier.inspect(pass -> pass.network().getParameters().values().stream()
                .mapToLong(p -> p.getArray().size()).sum());
    }
}
