package app.digitpad.ui.pad;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.ColumnConstraints;

/** Ten horizontal bars, one per digit, with the probability in percent; the top digit is highlighted. */
public final class ProbabilityBars extends GridPane {
    private final Region[] fills = new Region[10];
    private final Label[] values = new Label[10];
    private final StackPane[] tracks = new StackPane[10];

    public ProbabilityBars() {
        getStyleClass().add("probability-bars");
        setId("bars");
        ColumnConstraints digitColumn = new ColumnConstraints();
        ColumnConstraints barColumn = new ColumnConstraints();
        barColumn.setHgrow(Priority.ALWAYS);
        ColumnConstraints valueColumn = new ColumnConstraints(64);
        getColumnConstraints().addAll(digitColumn, barColumn, valueColumn);
        for (int d = 0; d < 10; d++) {
            Label digit = new Label(Integer.toString(d));
            digit.getStyleClass().add("bar-digit");
            Region fill = new Region();
            fill.getStyleClass().add("bar-fill");
            fill.setMaxWidth(0);
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setId("bar-" + d);
            Tooltip.install(track, new Tooltip("Probability that the drawing is a " + d));
            Label value = new Label("");
            value.getStyleClass().add("bar-value");
            value.setId("bar-value-" + d);
            fills[d] = fill;
            values[d] = value;
            tracks[d] = track;
            addRow(d, digit, track, value);
        }
    }

    /** Shows {@code probabilities} (or clears the bars when null). */
    public void show(float[] probabilities, int top) {
        for (int d = 0; d < 10; d++) {
            double p = probabilities == null ? 0 : probabilities[d];
            fills[d].maxWidthProperty().unbind();
            fills[d].maxWidthProperty().bind(tracks[d].widthProperty().multiply(p));
            fills[d].setMinWidth(0);
            fills[d].setVisible(p >= 0.005); // a rounded 0-width fill would still show a sliver
            values[d].setText(probabilities == null ? "" : String.format("%.1f%%", p * 100));
            tracks[d].pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("top"), probabilities != null && d == top);
        }
    }

    /** Displayed probability of digit {@code d} in [0, 1], read back from the label (for tests). */
    public double displayed(int d) {
        String text = values[d].getText();
        return text.isEmpty() ? 0 : Double.parseDouble(text.replace("%", "")) / 100;
    }
}
