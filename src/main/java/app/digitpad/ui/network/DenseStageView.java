package app.digitpad.ui.network;

import app.digitpad.ml.inspect.Layer;
import app.digitpad.ml.inspect.Stage;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** A dense stage's activations as bars, with the layer's scale; hovering a bar names its unit and value. */
final class DenseStageView extends VBox {
    private final UnitBars bars;
    private final Label range = new Label();
    private final Tooltip tip = new Tooltip();

    DenseStageView(int stageIndex, Stage stage) {
        super(4);
        getStyleClass().add("stage");
        setId("stage-" + stageIndex);
        Label title = new Label(stage.title());
        title.getStyleClass().add("stage-title");
        title.setWrapText(true);
        Label shape = new Label(stage.size() + " units");
        shape.getStyleClass().add("stage-shape");
        range.getStyleClass().add("scale-note");
        bars = new UnitBars(stage.size(), 56);
        bars.setId("stage-" + stageIndex + "-bars");
        tip.setShowDelay(Duration.millis(100));
        Tooltip.install(bars, tip);
        bars.setOnMouseMoved(e -> {
            int unit = bars.unitAt(e.getX());
            tip.setText(unit < 0 ? "" : "unit " + unit + ": " + Layer.valueText(bars.value(unit)));
        });
        HBox head = new HBox(8, title, shape);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(head, bars, range);
        show(null);
    }

    void show(float[] values) {
        if (values == null) {
            bars.show(null, 0, 0, 0);
            range.setText("");
            return;
        }
        float low = 0;
        float high = 0;
        int active = 0;
        for (float v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
            if (v > 0) {
                active++;
            }
        }
        bars.show(values, 0, low, high);
        range.setText(String.format("one scale, %s to %s · %d of %d units active", Layer.valueText(low), Layer.valueText(high),
                active, values.length));
    }
}
