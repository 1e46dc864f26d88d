package app.digitpad.ui.train;

import app.digitpad.ml.model.CurvePoint;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;
import javafx.util.StringConverter;

/**
 * The loss and accuracy charts of the runs on show ({@link TrainViewModel#shown()}): each run's
 * smoothed per-batch training line (solid) and its test figure after each epoch (dots on a dashed
 * line). One run is drawn in the chart colours with its newest values beside each title; several
 * are overlaid, one colour per run, to compare them. Both x axes count epochs; the loss axis fits
 * the recent part of the runs ({@link ChartRanges}). One legend below both charts, which wraps
 * instead of cutting names off. Series mirror the view model's point lists (a growing live run
 * appends); no chart animation.
 */
final class TrainingCharts extends VBox {
    /** Colours for overlaid runs ({@code -dp-run-0} to {@code -dp-run-5} in CSS), reused in turn. */
    static final int RUN_COLOURS = 6;

    private final ObservableList<CurveSet> shown;
    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accuracyChart;
    private final NumberAxis lossX = epochAxis();
    private final NumberAxis lossY = new NumberAxis();
    private final NumberAxis accuracyX = epochAxis();
    private final NumberAxis accuracyY = new NumberAxis();
    private final Label lossLatest = latest("loss-latest");
    private final Label accuracyLatest = latest("accuracy-latest");
    private final FlowPane legend = new FlowPane(14, 2);
    private final Label placeholder = new Label("Press Start to train a network, or select runs in the history "
            + "below to see their curves (Ctrl+click to compare several).");
    /** Listeners on the shown runs' lists, removed when other runs are shown. */
    private final List<Runnable> detach = new ArrayList<>();

    TrainingCharts(ObservableList<CurveSet> shown, ObservableStringValue note) {
        this.shown = shown;
        getStyleClass().add("training-charts");

        lossY.setLabel("cross-entropy");
        lossY.setAutoRanging(false);
        lossY.setLowerBound(0);
        lossY.setMinorTickVisible(false);
        lossY.setAnimated(false);
        lossChart = chart("loss-chart", lossX, lossY);
        accuracyY.setLabel("accuracy (%)");
        accuracyY.setAutoRanging(false);
        accuracyY.setLowerBound(0);
        accuracyY.setUpperBound(100);
        accuracyY.setTickUnit(ChartRanges.tickUnit(100));
        accuracyY.setMinorTickVisible(false);
        accuracyY.setAnimated(false);
        accuracyChart = chart("accuracy-chart", accuracyX, accuracyY);

        VBox loss = panel("Loss", lossLatest, lossChart);
        VBox accuracy = panel("Accuracy", accuracyLatest, accuracyChart);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        HBox charts = new HBox(12, loss, accuracy);
        placeholder.getStyleClass().add("chart-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMouseTransparent(true);
        StackPane area = new StackPane(charts, placeholder);
        VBox.setVgrow(area, Priority.ALWAYS);

        legend.setId("chart-legend");
        legend.getStyleClass().add("curve-legend");
        legend.setAlignment(Pos.CENTER);
        Label noteLabel = new Label();
        noteLabel.setId("chart-note");
        noteLabel.getStyleClass().add("hint");
        noteLabel.setWrapText(true);
        noteLabel.textProperty().bind(note);
        noteLabel.managedProperty().bind(noteLabel.textProperty().isNotEmpty());
        noteLabel.visibleProperty().bind(noteLabel.managedProperty());
        setSpacing(2);
        getChildren().addAll(area, legend, noteLabel);

        shown.addListener((ListChangeListener<CurveSet>) change -> rebuild());
        rebuild();
    }

    LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    LineChart<Number, Number> accuracyChart() {
        return accuracyChart;
    }

    private void rebuild() {
        detach.forEach(Runnable::run);
        detach.clear();
        legend.getChildren().clear();
        boolean single = shown.size() == 1;
        int epochs = 1;
        List<Styled> losses = new ArrayList<>();
        List<Styled> accuracies = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            CurveSet set = shown.get(i);
            String colour = single ? "single" : "run-" + (i % RUN_COLOURS);
            epochs = Math.max(epochs, set.epochs());
            losses.add(mirror(set.trainLoss(), colour, false));
            losses.add(mirror(set.testLoss(), colour, true));
            accuracies.add(mirror(set.trainAccuracy(), colour, false));
            accuracies.add(mirror(set.testAccuracy(), colour, true));
            Runnable refit = this::refit;
            for (ObservableList<CurvePoint> line : List.of(set.trainLoss(), set.testLoss(), set.trainAccuracy(), set.testAccuracy())) {
                javafx.beans.InvalidationListener listener = obs -> refit.run();
                line.addListener(listener);
                detach.add(() -> line.removeListener(listener));
            }
            if (!single) {
                legend.getChildren().add(legendItem(set.name(), colour, false));
            }
        }
        if (single) {
            legend.getChildren().addAll(legendItem("training, smoothed per batch", "single", false),
                    legendItem("test, after each epoch", "single", true));
        } else if (!shown.isEmpty()) {
            legend.getChildren().add(legendKey());
        }
        show(lossChart, losses);
        show(accuracyChart, accuracies);
        range(lossX, epochs);
        range(accuracyX, epochs);
        placeholder.setVisible(shown.isEmpty());
        refit();
    }

    /** Fits the y axes and the read-outs to the points on show. */
    private void refit() {
        List<CurvePoint> trainLoss = new ArrayList<>();
        List<CurvePoint> testLoss = new ArrayList<>();
        List<CurvePoint> accuracy = new ArrayList<>();
        for (CurveSet set : shown) {
            trainLoss.addAll(set.trainLoss());
            testLoss.addAll(set.testLoss());
            accuracy.addAll(set.trainAccuracy());
            accuracy.addAll(set.testAccuracy());
        }
        double upper = ChartRanges.lossUpperBound(trainLoss, testLoss);
        if (upper != lossY.getUpperBound()) {
            lossY.setUpperBound(upper);
            lossY.setTickUnit(ChartRanges.tickUnit(upper));
        }
        // Never past 100%: JavaFX's auto range runs to 110% or 125%.
        double lower = ChartRanges.accuracyLowerBound(accuracy);
        if (lower != accuracyY.getLowerBound()) {
            accuracyY.setLowerBound(lower);
            accuracyY.setTickUnit(ChartRanges.tickUnit(100 - lower));
        }
        if (shown.size() == 1) {
            CurveSet set = shown.get(0);
            lossLatest.setText(TrainingStatus.losses(CurveSet.last(set.trainLoss()), CurveSet.last(set.testLoss())));
            accuracyLatest.setText(TrainingStatus.accuracies(CurveSet.last(set.trainAccuracy()), CurveSet.last(set.testAccuracy())));
        } else {
            lossLatest.setText("");
            accuracyLatest.setText("");
        }
    }

    /** A series and the style classes of its line. */
    private record Styled(XYChart.Series<Number, Number> series, String... classes) {}

    /**
     * Puts the series on the chart at once, then styles their lines: LineChart gives every series
     * line (and symbol) its own style classes, replacing any others, each time its series change.
     * Symbols of points added later keep theirs.
     */
    private static void show(LineChart<Number, Number> chart, List<Styled> styled) {
        chart.getData().setAll(styled.stream().map(Styled::series).toList());
        for (Styled s : styled) {
            s.series().getNode().getStyleClass().addAll(s.classes());
            for (XYChart.Data<Number, Number> datum : s.series().getData()) {
                if (datum.getNode() != null) {
                    datum.getNode().getStyleClass().addAll("epoch-point", s.classes()[1]);
                }
            }
        }
    }

    /** A series that mirrors {@code points}: appends stay appends, anything else rebuilds it. */
    private Styled mirror(ObservableList<CurvePoint> points, String colour, boolean test) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        data.setAll(points.stream().map(p -> datum(p, colour, test)).toList());
        ListChangeListener<CurvePoint> mirror = change -> {
            boolean appendOnly = true;
            while (change.next()) {
                if (change.wasRemoved() || change.wasPermutated() || change.wasUpdated()
                        || change.getFrom() != data.size()) {
                    appendOnly = false;
                    break;
                }
                data.addAll(change.getAddedSubList().stream().map(p -> datum(p, colour, test)).toList());
            }
            if (!appendOnly) {
                data.setAll(points.stream().map(p -> datum(p, colour, test)).toList());
            }
            if (data.isEmpty() && series.getNode() instanceof Path line) {
                // LineChart leaves a series' line as it was when its last point goes (it only redraws
                // lines that have points), so a new run would show the old run's line.
                line.getElements().clear();
            }
        };
        points.addListener(mirror);
        detach.add(() -> points.removeListener(mirror));
        return new Styled(series, "curve", colour, test ? "test-line" : "train-line");
    }

    private static XYChart.Data<Number, Number> datum(CurvePoint point, String colour, boolean test) {
        XYChart.Data<Number, Number> datum = new XYChart.Data<>(point.x(), point.y());
        if (test) {
            // With createSymbols off, LineChart still shows a node that the data brings itself.
            StackPane symbol = new StackPane();
            symbol.getStyleClass().addAll("epoch-point", colour);
            datum.setNode(symbol);
        }
        return datum;
    }

    private static Node legendItem(String text, String colour, boolean test) {
        Label label = new Label(text, swatch(colour, test));
        label.getStyleClass().add("legend-item");
        return label;
    }

    /** How to read overlaid runs: their colour is in the items, the line's kind here. */
    private static Node legendKey() {
        Label training = new Label("training", swatch("key", false));
        Label test = new Label("test", swatch("key", true));
        HBox key = new HBox(10, training, test);
        key.getStyleClass().add("legend-key");
        return key;
    }

    private static Node swatch(String colour, boolean test) {
        Region line = new Region();
        line.getStyleClass().addAll("legend-line", colour, test ? "test-line" : "train-line");
        if (!test) {
            return line;
        }
        Region dot = new Region();
        dot.getStyleClass().addAll("legend-dot", colour);
        StackPane both = new StackPane(line, dot);
        both.getStyleClass().add("legend-swatch");
        return both;
    }

    private static LineChart<Number, Number> chart(String id, NumberAxis x, NumberAxis y) {
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.getStyleClass().addAll("training-chart", id);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false); // one legend for both charts, below them
        chart.setMinHeight(150);
        chart.setPrefSize(420, 300);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private static NumberAxis epochAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setLabel("epoch");
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setAnimated(false);
        // The range ends a little after the last epoch so its point is not cut in half; label whole epochs only.
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text);
            }
        });
        return axis;
    }

    private static void range(NumberAxis axis, int epochs) {
        int count = Math.max(1, epochs);
        axis.setLowerBound(0);
        axis.setUpperBound(count + Math.max(0.06, count * 0.03));
        axis.setTickUnit(tickUnit(count));
    }

    /** 1, 2, 5, 10, 20, 50… so the axis has at most about ten labels. */
    static int tickUnit(int epochs) {
        int unit = 1;
        while (epochs / unit > 10) {
            int next = unit * 2;
            if (epochs / next <= 10) {
                return next;
            }
            next = unit * 5;
            if (epochs / next <= 10) {
                return next;
            }
            unit *= 10;
        }
        return unit;
    }

    private static Label latest(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("chart-latest");
        label.setMinWidth(Region.USE_PREF_SIZE); // the title gives way, never the figures
        return label;
    }

    private static VBox panel(String title, Label latest, LineChart<Number, Number> chart) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        heading.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, heading, spacer, latest);
        header.setAlignment(Pos.BASELINE_LEFT);
        VBox panel = new VBox(4, header, chart);
        panel.getStyleClass().add("chart-panel");
        panel.setMinWidth(0);
        return panel;
    }
}
