package app.digitpad.ui.train;

import app.digitpad.ui.AppServices;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder until the training screen lands (issue 4). */
public final class TrainView extends StackPane {
    public TrainView(AppServices services) {
        getChildren().add(new Label("Training is not built yet."));
    }

    /** Stops any running training; called when the window closes. */
    public void shutdown() {}
}
