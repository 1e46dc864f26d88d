package app.digitpad.ui.pad;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Ten horizontal bars, one per digit, with the probability in percent; the top digit is highlighted.
 * For a model that can answer "not a digit" an eleventh bar shows that probability, and when it is
 * the answer the digit bars are dimmed.
 */
public final class ProbabilityBars extends GridPane {
    private static final PseudoClass TOP = PseudoClass.getPseudoClass("top");
    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    private static final int ROWS = 11;
    private static final int NOT_A_DIGIT = 10;

    private final Region[] fills = new Region[ROWS];
    private final Label[] values = new Label[ROWS];
    private final StackPane[] tracks = new StackPane[ROWS];
    private final Node[][] rows = new Node[ROWS][];

    public ProbabilityBars() {
        getStyleClass().add("probability-bars");
        setId("bars");
        ColumnConstraints digitColumn = new ColumnConstraints();
        ColumnConstraints barColumn = new ColumnConstraints();
        barColumn.setHgrow(Priority.ALWAYS);
        ColumnConstraints valueColumn = new ColumnConstraints(64);
        getColumnConstraints().addAll(digitColumn, barColumn, valueColumn);
        for (int d = 0; d < ROWS; d++) {
            boolean digitRow = d < NOT_A_DIGIT;
            Label name = new Label(digitRow ? Integer.toString(d) : "none");
            name.getStyleClass().add("bar-digit");
            Region fill = new Region();
            fill.getStyleClass().add("bar-fill");
            fill.setMaxWidth(0);
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setId(digitRow ? "bar-" + d : "bar-not-a-digit");
            Tooltip.install(track, new Tooltip(digitRow ? "Probability that the drawing is a " + d
                    : "Probability that the drawing is not a digit at all"));
            Label value = new Label("");
            value.getStyleClass().add("bar-value");
            value.setId(digitRow ? "bar-value-" + d : "bar-value-not-a-digit");
            fills[d] = fill;
            values[d] = value;
            tracks[d] = track;
            rows[d] = new Node[] {name, track, value};
            if (!digitRow) {
                name.getStyleClass().add("bar-none");
                track.getStyleClass().add("bar-track-none");
                value.getStyleClass().add("bar-value-none");
            }
            addRow(d, name, track, value);
        }
        showNotADigitRow(false);
    }

    /**
     * Shows {@code probabilities} (or clears the bars when null): 10 digits, and an 11th for "not a
     * digit" when the model has it.
     *
     * @param notADigit whether the model's answer is "not a digit": the digit bars are dimmed
     */
    public void show(float[] probabilities, int top, boolean notADigit) {
        boolean eleven = probabilities != null && probabilities.length > NOT_A_DIGIT;
        if (probabilities != null) {
            showNotADigitRow(eleven);
        }
        for (int d = 0; d < ROWS; d++) {
            double p = probabilities == null || d >= probabilities.length ? 0 : probabilities[d];
            fills[d].maxWidthProperty().unbind();
            fills[d].maxWidthProperty().bind(tracks[d].widthProperty().multiply(p));
            fills[d].setMinWidth(0);
            fills[d].setVisible(p >= 0.005); // a rounded 0-width fill would still show a sliver
            values[d].setText(probabilities == null || d >= probabilities.length ? "" : String.format("%.1f%%", p * 100));
            boolean isTop = probabilities != null && (notADigit ? d == NOT_A_DIGIT : d == top);
            tracks[d].pseudoClassStateChanged(TOP, isTop);
        }
        pseudoClassStateChanged(REJECTED, probabilities != null && notADigit);
    }

    private void showNotADigitRow(boolean visible) {
        for (Node node : rows[NOT_A_DIGIT]) {
            node.setVisible(visible);
            node.setManaged(visible);
        }
    }

    /** Displayed probability of digit {@code d} in [0, 1], read back from the label (for tests). */
    public double displayed(int d) {
        String text = values[d].getText();
        return text.isEmpty() ? 0 : Double.parseDouble(text.replace("%", "")) / 100;
    }

    /** Whether the digit bars are dimmed because the answer is "not a digit" (for tests). */
    public boolean dimmed() {
        return getPseudoClassStates().contains(REJECTED);
    }
}
