package app.digitpad.ui.evaluate;

import app.digitpad.ui.AppServices;
import app.digitpad.ui.Shortcuts;
import app.digitpad.ui.ShownTracker;
import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Evaluate screen: where the live model goes wrong on the 10,000 MNIST test images. Accuracy
 * and loss on top, the confusion-matrix heatmap on the left (scaled down as a whole on a small
 * window), the per-class table and the gallery of the selected cell's images on the right. State
 * and work live in {@link EvaluateViewModel}.
 */
public final class EvaluateView extends BorderPane {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final EvaluateViewModel model;

    public EvaluateView(AppServices services) {
        this(EvaluateViewModel.forApp(services));
    }

    public EvaluateView(EvaluateViewModel model) {
        this.model = model;
        setId("evaluate-view");
        getStyleClass().add("evaluate-view");

        setTop(top());
        HeatmapView heatmap = new HeatmapView(model::select);
        model.heatProperty().addListener((obs, old, heat) -> heatmap.show(heat));
        model.selectedCellProperty().addListener((obs, old, cell) -> {
            if (cell != null) {
                heatmap.select(cell.actual(), cell.predicted());
            }
        });
        Label matrixTitle = new Label("Confusion matrix");
        matrixTitle.getStyleClass().add("section-title");
        matrixTitle.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox matrixHeader = new HBox(8, matrixTitle, spacer, scaleToggle());
        matrixHeader.setAlignment(Pos.CENTER_LEFT);
        // On a small window the whole matrix shrinks (text too) rather than losing rows or columns.
        ScaledToFit fitted = new ScaledToFit(heatmap, 0.55);
        fitted.setId("heatmap-fit");
        VBox.setVgrow(fitted, Priority.ALWAYS);
        VBox left = new VBox(8, matrixHeader, fitted);
        left.getStyleClass().add("matrix-column");
        // the header is as wide as the matrix, so the toggle sits at its right edge
        matrixHeader.maxWidthProperty().bind(fitted.widthProperty());

        ClassTable table = new ClassTable(model.classRows());
        GalleryView gallery = new GalleryView(model);
        Label tableTitle = new Label("Per digit");
        tableTitle.getStyleClass().add("section-title");
        // the table is sized for its eleven rows in CSS; the gallery takes the rest of the height
        VBox right = new VBox(6, tableTitle, table, gallery);
        VBox.setVgrow(gallery, Priority.ALWAYS);
        right.getStyleClass().add("evaluate-right");
        right.setMinWidth(0);
        HBox.setHgrow(right, Priority.ALWAYS);

        HBox center = new HBox(16, left, right);
        center.getStyleClass().add("evaluate-center");
        setCenter(center);

        Shortcuts.whileShown(this, Shortcuts.EVALUATE_AGAIN, () -> {
            if (!model.runningProperty().get()) {
                model.evaluate();
            }
        });
        ShownTracker shown = new ShownTracker(this);
        shown.shownProperty().addListener((obs, was, is) -> model.setActive(is));
        model.setActive(shown.shownProperty().get());
    }

    private VBox top() {
        Label accuracy = metricValue("eval-accuracy", model.accuracyTextProperty());
        Label loss = metricValue("eval-loss", model.lossTextProperty());
        VBox accuracyTile = metricTile("Accuracy", accuracy);
        VBox lossTile = metricTile("Loss (cross-entropy)", loss);

        Label evaluatedModel = new Label();
        evaluatedModel.setId("eval-model");
        evaluatedModel.getStyleClass().add("eval-model");
        evaluatedModel.textProperty().bind(model.modelTextProperty());
        evaluatedModel.setWrapText(true);
        Label modelCaption = new Label("Model");
        modelCaption.getStyleClass().add("metric-caption");
        VBox modelTile = new VBox(2, modelCaption, evaluatedModel);
        modelTile.getStyleClass().add("metric-tile");
        HBox.setHgrow(modelTile, Priority.ALWAYS);
        modelTile.setMinWidth(120);

        ProgressBar progress = new ProgressBar();
        progress.setId("eval-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.setPrefWidth(140);

        Button again = new Button("Evaluate again");
        again.setId("eval-run");
        again.setTooltip(new Tooltip("Evaluate the live model on the 10,000 test images again ("
                + Shortcuts.text(Shortcuts.EVALUATE_AGAIN) + ")"));
        again.setOnAction(e -> model.evaluate());
        again.disableProperty().bind(model.runningProperty());
        Button csv = new Button("Export CSV…");
        csv.setId("export-csv");
        csv.setTooltip(new Tooltip("Save the confusion matrix and per-digit metrics as CSV"));
        csv.setOnAction(e -> model.exportCsv());
        csv.disableProperty().bind(model.resultProperty().isNull());
        Button png = new Button("Export PNG…");
        png.setId("export-png");
        png.setTooltip(new Tooltip("Save a picture of the confusion matrix and the per-digit table"));
        png.setOnAction(e -> model.exportPng(result -> EvaluationPicture.render(result, model.heatProperty().get(),
                model.classRows(), getScene())));
        png.disableProperty().bind(model.resultProperty().isNull());

        for (Region fixed : new Region[] {accuracyTile, lossTile, again, csv, png}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE); // only the model's name gives way when space is short
        }
        HBox bar = new HBox(16, accuracyTile, lossTile, modelTile, again, csv, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("evaluate-toolbar");

        Label message = new Label();
        message.setId("eval-message");
        message.getStyleClass().add("eval-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, was, is) -> message.pseudoClassStateChanged(ERROR, is));
        message.pseudoClassStateChanged(ERROR, model.failedProperty().get());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox status = new HBox(10, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, bar, status);
    }

    /** Log scale | Row share: how the matrix is coloured. */
    private HBox scaleToggle() {
        ToggleGroup scales = new ToggleGroup();
        ToggleButton log = scaleButton("scale-log", HeatScale.Mode.LOG, scales,
                "Colour by log(count): single errors show clearly next to the largest");
        ToggleButton row = scaleButton("scale-row", HeatScale.Mode.ROW, scales,
                "Colour by share of the true digit's images, errors relative to the largest error share");
        log.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        row.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        scales.selectToggle(model.scaleModeProperty().get() == HeatScale.Mode.LOG ? log : row);
        scales.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                scales.selectToggle(old); // one scale is always chosen
            } else {
                model.scaleModeProperty().set((HeatScale.Mode) now.getUserData());
            }
        });
        HBox scaleToggle = new HBox(log, row);
        scaleToggle.setId("scale-toggle");
        scaleToggle.setAlignment(Pos.CENTER);
        scaleToggle.setMinWidth(Region.USE_PREF_SIZE);
        return scaleToggle;
    }

    private ToggleButton scaleButton(String id, HeatScale.Mode mode, ToggleGroup group, String tip) {
        ToggleButton button = new ToggleButton(mode.title());
        button.setId(id);
        button.setUserData(mode);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private static Label metricValue(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("metric-value");
        label.textProperty().bind(text);
        return label;
    }

    private static VBox metricTile(String caption, Label value) {
        Label title = new Label(caption);
        title.getStyleClass().add("metric-caption");
        VBox tile = new VBox(2, title, value);
        tile.getStyleClass().add("metric-tile");
        return tile;
    }

    public EvaluateViewModel model() {
        return model;
    }
}
