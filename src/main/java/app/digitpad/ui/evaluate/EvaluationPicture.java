package app.digitpad.ui.evaluate;

import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ui.Theme;
import app.digitpad.ui.evaluate.EvaluateViewModel.ClassRow;
import java.awt.image.BufferedImage;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.HPos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;

/**
 * What Export PNG saves: the confusion matrix (as the screen colours it) and the per-digit table,
 * with a title naming the model, laid out for the file and drawn at twice screen resolution, in the
 * screen's theme. Not a screenshot: no buttons, no half row of the gallery. For the FX thread.
 */
final class EvaluationPicture {
    /** Pixels per layout unit in the file. */
    static final double SCALE = 2;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private EvaluationPicture() {}

    /** The picture of {@code result}, coloured by {@code heat}, styled like {@code like}. */
    static BufferedImage render(EvaluateViewModel.Result result, HeatScale heat, List<ClassRow> rows, Scene like) {
        VBox picture = build(result, heat, rows);
        Scene scene = new Scene(picture); // off screen: only laid out and drawn
        Theme.same(scene, like);
        picture.applyCss();
        picture.layout();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(SCALE, SCALE));
        return SwingFXUtils.fromFXImage(picture.snapshot(parameters, null), null);
    }

    static VBox build(EvaluateViewModel.Result result, HeatScale heat, List<ClassRow> rows) {
        Label title = new Label("Evaluation of " + result.model());
        title.getStyleClass().add("picture-title");
        Label subtitle = new Label(String.format(Locale.US, "Accuracy %.2f%% · loss %.4f · %,d MNIST test images · %s · DigitPad",
                result.evaluation().accuracy() * 100, result.evaluation().loss(), result.evaluation().size(),
                WHEN.format(LocalDateTime.now())));
        subtitle.getStyleClass().add("hint");

        HeatmapView matrix = new HeatmapView((actual, predicted) -> {});
        matrix.show(heat);
        Label matrixTitle = new Label("Confusion matrix · " + heat.mode().title().toLowerCase(Locale.ROOT));
        matrixTitle.getStyleClass().add("section-title");
        Label tableTitle = new Label("Per digit");
        tableTitle.getStyleClass().add("section-title");
        HBox body = new HBox(28, new VBox(8, matrixTitle, matrix), new VBox(8, tableTitle, table(rows)));

        VBox picture = new VBox(6, title, subtitle, body);
        picture.getStyleClass().add("evaluation-picture");
        return picture;
    }

    private static GridPane table(List<ClassRow> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("picture-table");
        String[] headers = {"Digit", "Precision", "Recall", "F1", "Support"};
        for (int c = 0; c < headers.length; c++) {
            Label header = new Label(headers[c]);
            header.getStyleClass().add("picture-header");
            grid.add(header, c, 0);
            ColumnConstraints column = new ColumnConstraints();
            column.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(column);
        }
        int r = 1;
        for (ClassRow row : rows) {
            List<String> cells = List.of(row.label(), format(row.precision()), format(row.recall()), format(row.f1()),
                    String.format(Locale.US, "%,d", row.support()));
            for (int c = 0; c < cells.size(); c++) {
                Label cell = new Label(cells.get(c));
                cell.getStyleClass().add(row.isAverage() ? "picture-average" : "picture-cell");
                grid.add(cell, c, r);
            }
            r++;
        }
        return grid;
    }

    private static String format(OptionalDouble value) {
        return ConfusionMatrix.format(value);
    }
}
