package app.digitpad.ui.evaluate;

import app.digitpad.ui.AppServices;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder until the evaluation screen lands (issue 5). */
public final class EvaluateView extends StackPane {
    public EvaluateView(AppServices services) {
        getChildren().add(new Label("Evaluation is not built yet."));
    }
}
