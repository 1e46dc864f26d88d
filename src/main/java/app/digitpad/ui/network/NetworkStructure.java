package app.digitpad.ui.network;

import app.digitpad.ml.inspect.FilterBank;
import app.digitpad.ml.inspect.ModelSummary;
import app.digitpad.ml.inspect.Stage;
import java.util.List;

/** What the Network view shows of a model whatever is drawn: its summary, its stages and its first layer's filters. */
public record NetworkStructure(ModelSummary summary, List<Stage> stages, FilterBank filters) {
    public NetworkStructure {
        stages = List.copyOf(stages);
    }

    public static NetworkStructure of(ModelSummary summary, FilterBank filters) {
        return new NetworkStructure(summary, Stage.of(summary), filters);
    }

    /** Like "fast-cnn · 13 layers · 226,794 parameters · 900,672 multiply-adds per image". */
    public String headline() {
        return String.format("%s · %s · %d layers · %,d parameters · %,d multiply-adds per image", summary.modelName(),
                summary.architecture().id(), summary.layers().size(), summary.totalParameters(), summary.totalMultiplyAdds());
    }
}
