package app.digitpad.ui.train;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;
import javafx.util.StringConverter;

/**
 * The two live charts: loss (smoothed training loss per batch, test loss per epoch) and accuracy
 * (training and test, per epoch), each with its newest values printed beside its title. Both x axes
 * count epochs; the loss axis fits the recent part of the run ({@link ChartRanges}). The series mirror the view model's point lists; no chart animation, no symbols on
 * the per-batch line (the per-epoch points get one each, so a one-epoch run is still visible).
 */
final class TrainingCharts extends HBox {
    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accuracyChart;

    TrainingCharts(TrainViewModel model) {
        getStyleClass().add("training-charts");

        NumberAxis lossX = epochAxis();
        NumberAxis lossY = new NumberAxis();
        lossY.setLabel("cross-entropy loss");
        lossY.setAutoRanging(false);
        lossY.setLowerBound(0);
        lossY.setMinorTickVisible(false);
        lossY.setAnimated(false);
        lossChart = chart("loss-chart", lossX, lossY);
        lossChart.getData().add(series("training loss (smoothed, per batch)", model.trainLoss(), false));
        lossChart.getData().add(series("test loss (per epoch)", model.testLoss(), true));

        NumberAxis accuracyX = epochAxis();
        NumberAxis accuracyY = new NumberAxis();
        accuracyY.setLabel("accuracy (%)");
        accuracyY.setForceZeroInRange(false);
        accuracyChart = chart("accuracy-chart", accuracyX, accuracyY);
        accuracyChart.getData().add(series("training accuracy (smoothed, per batch)", model.trainAccuracy(), false));
        accuracyChart.getData().add(series("test accuracy", model.testAccuracy(), true));
        // With no points the auto range would run 0-125%: hold 0-100% until the first point.
        javafx.beans.InvalidationListener fitAccuracy = obs -> {
            boolean empty = model.trainAccuracy().isEmpty() && model.testAccuracy().isEmpty();
            accuracyY.setAutoRanging(!empty);
            if (empty) {
                accuracyY.setLowerBound(0);
                accuracyY.setUpperBound(100);
                accuracyY.setTickUnit(25);
            }
        };
        model.trainAccuracy().addListener(fitAccuracy);
        model.testAccuracy().addListener(fitAccuracy);
        fitAccuracy.invalidated(null);

        javafx.beans.InvalidationListener fitLoss = obs -> {
            double upper = ChartRanges.lossUpperBound(model.trainLoss(), model.testLoss());
            if (upper != lossY.getUpperBound()) {
                lossY.setUpperBound(upper);
                lossY.setTickUnit(ChartRanges.tickUnit(upper));
            }
        };
        model.trainLoss().addListener(fitLoss);
        model.testLoss().addListener(fitLoss);
        fitLoss.invalidated(null);

        model.chartEpochsProperty().addListener((obs, old, epochs) -> {
            range(lossX, epochs.intValue());
            range(accuracyX, epochs.intValue());
        });
        range(lossX, model.chartEpochsProperty().get());
        range(accuracyX, model.chartEpochsProperty().get());

        Label lossLatest = latest("loss-latest");
        lossLatest.textProperty().bind(model.lossTextProperty());
        Label accuracyLatest = latest("accuracy-latest");
        accuracyLatest.textProperty().bind(model.accuracyTextProperty());

        VBox loss = panel("Loss", lossLatest, lossChart);
        VBox accuracy = panel("Accuracy", accuracyLatest, accuracyChart);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        setSpacing(12);
        getChildren().addAll(loss, accuracy);
    }

    LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    LineChart<Number, Number> accuracyChart() {
        return accuracyChart;
    }

    private static LineChart<Number, Number> chart(String id, NumberAxis x, NumberAxis y) {
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.getStyleClass().addAll("training-chart", id);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(160);
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

    /** A series that mirrors {@code points}: appends stay appends, anything else rebuilds it. */
    private static XYChart.Series<Number, Number> series(String name, ObservableList<ChartPoint> points, boolean marked) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        data.setAll(points.stream().map(p -> datum(p, marked)).toList());
        points.addListener((ListChangeListener<ChartPoint>) change -> {
            boolean appendOnly = true;
            while (change.next()) {
                if (change.wasRemoved() || change.wasPermutated() || change.wasUpdated()
                        || change.getFrom() != data.size()) {
                    appendOnly = false;
                    break;
                }
                List<? extends ChartPoint> added = change.getAddedSubList();
                data.addAll(added.stream().map(p -> datum(p, marked)).toList());
            }
            if (!appendOnly) {
                data.setAll(points.stream().map(p -> datum(p, marked)).toList());
            }
            if (data.isEmpty() && series.getNode() instanceof Path line) {
                // LineChart leaves a series' line as it was when its last point goes (it only redraws
                // lines that have points), so a new run would show the old run's line.
                line.getElements().clear();
            }
        });
        return series;
    }

    private static XYChart.Data<Number, Number> datum(ChartPoint point, boolean marked) {
        XYChart.Data<Number, Number> datum = new XYChart.Data<>(point.x(), point.y());
        if (marked) {
            // With createSymbols off, LineChart still shows a node that the data brings itself.
            StackPane symbol = new StackPane();
            symbol.getStyleClass().add("epoch-point");
            datum.setNode(symbol);
        }
        return datum;
    }

    private static Label latest(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("chart-latest");
        return label;
    }

    private static VBox panel(String title, Label latest, LineChart<Number, Number> chart) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
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
