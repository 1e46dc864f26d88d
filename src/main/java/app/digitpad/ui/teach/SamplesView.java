package app.digitpad.ui.teach;

import app.digitpad.ml.personal.PersonalSample;
import app.digitpad.ml.personal.SampleStore;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.pad.PreviewView;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * "My samples": every personal sample as its 28x28 input with its label, filtered by answer; the
 * selected one shown as drawn, with relabel and delete; export and import of a samples file.
 */
public final class SamplesView extends BorderPane {
    private static final String ALL = "All";
    private static final String NONE = "Not a digit";

    private final TeachViewModel model;
    private final TilePane tiles = new TilePane(6, 6);
    private final ChoiceBox<String> filter = new ChoiceBox<>();
    private final Canvas drawing = new Canvas(150, 150);
    private final PreviewView preview = new PreviewView(84);
    private final Label details = new Label("Select a sample");
    private final VBox detailBox;
    private final ToggleGroup selection = new ToggleGroup();
    private final Label empty = new Label();
    private List<PersonalSample> samples = List.of();
    private PersonalSample selected;

    public SamplesView(TeachViewModel model, Dialogs dialogs) {
        this.model = model;
        getStyleClass().add("samples-view");
        setId("samples-view");

        filter.getItems().add(ALL);
        for (int d = 0; d <= 9; d++) {
            filter.getItems().add(Integer.toString(d));
        }
        filter.getItems().add(NONE);
        filter.setValue(ALL);
        filter.setId("samples-filter");
        filter.valueProperty().addListener((obs, old, value) -> showTiles());
        Button export = new Button("Export…");
        export.setId("samples-export");
        export.setOnAction(e -> dialogs.chooseSaveFile("Export your samples", "digitpad-samples.jsonl", ".jsonl")
                .ifPresent(model::exportTo));
        export.disableProperty().bind(model.countProperty().isEqualTo(0));
        Button importButton = new Button("Import…");
        importButton.setId("samples-import");
        importButton.setOnAction(e -> dialogs.chooseFileToOpen("Import samples", ".jsonl").ifPresent(model::importFrom));
        Label count = new Label();
        count.getStyleClass().add("model-label");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> TeachViewModel.personalSamples(model.countProperty().get()), model.countProperty()));
        javafx.scene.control.CheckBox auto = new javafx.scene.control.CheckBox("Adapt by itself every");
        auto.setId("adapt-auto");
        auto.setTooltip(new javafx.scene.control.Tooltip("After this many new samples, adapt the live model to them without asking"));
        auto.selectedProperty().bindBidirectional(model.autoAdaptProperty());
        javafx.scene.control.Spinner<Integer> every = new javafx.scene.control.Spinner<>(1, 100, model.autoEveryProperty().get());
        every.setId("adapt-every");
        every.setPrefWidth(76);
        every.valueProperty().addListener((obs, old, value) -> model.autoEveryProperty().set(value));
        every.disableProperty().bind(auto.selectedProperty().not());
        HBox autoBox = new HBox(6, auto, every, new Label("samples"));
        autoBox.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        FlowPane right = new FlowPane(8, 6, autoBox, importButton, export);
        right.setAlignment(Pos.CENTER_RIGHT);
        HBox toolbar = new HBox(8, new Label("Show:"), filter, count, spacer, right);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(10, 12, 10, 12));
        toolbar.getStyleClass().add("samples-toolbar");
        setTop(toolbar);

        tiles.setPadding(new Insets(10));
        tiles.setId("samples-tiles");
        empty.getStyleClass().add("pad-hint");
        empty.setWrapText(true);
        VBox gallery = new VBox(tiles, empty);
        ScrollPane scroll = new ScrollPane(gallery);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        FlowPane relabel = new FlowPane(4, 4);
        for (int d = 0; d <= 10; d++) {
            int label = d == 10 ? PersonalSample.NOT_A_DIGIT : d;
            Button button = new Button(d == 10 ? "Not a digit" : Integer.toString(d));
            button.setId(d == 10 ? "relabel-none" : "relabel-" + d);
            button.setOnAction(e -> {
                if (selected != null && selected.label() != label) {
                    model.relabel(selected.id(), label);
                }
            });
            relabel.getChildren().add(button);
        }
        Button delete = new Button("Delete");
        delete.setId("samples-delete");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> {
            if (selected != null) {
                model.delete(selected.id());
            }
        });
        details.setWrapText(true);
        details.setId("sample-details");
        Label relabelTitle = new Label("It is:");
        relabelTitle.getStyleClass().add("section-title");
        javafx.scene.layout.StackPane paper = new javafx.scene.layout.StackPane(drawing);
        paper.getStyleClass().add("sample-paper");
        paper.setMaxWidth(Region.USE_PREF_SIZE);
        HBox pictures = new HBox(8, paper, preview);
        pictures.setAlignment(Pos.CENTER_LEFT);
        detailBox = new VBox(8, pictures, details, relabelTitle, relabel, delete);
        detailBox.setPadding(new Insets(12));
        detailBox.setDisable(true);
        ScrollPane side = new ScrollPane(detailBox);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(286);
        side.setMinWidth(276);
        side.getStyleClass().addAll("results", "edge-to-edge");
        setRight(side);

        model.revisionProperty().addListener((obs, old, value) -> reload());
        reload();
    }

    private void reload() {
        model.loadSamples(this::show);
    }

    private void show(SampleStore.Contents contents) {
        samples = contents.samples();
        String id = selected == null ? null : selected.id();
        selected = null;
        for (PersonalSample s : samples) {
            if (s.id().equals(id)) {
                selected = s;
            }
        }
        showTiles();
        showSelected();
    }

    private void showTiles() {
        List<ToggleButton> shown = new ArrayList<>();
        String value = filter.getValue();
        for (PersonalSample sample : samples) {
            boolean match = ALL.equals(value) || (NONE.equals(value) ? !sample.isDigit()
                    : sample.isDigit() && Integer.toString(sample.label()).equals(value));
            if (match) {
                shown.add(tile(sample));
            }
        }
        tiles.getChildren().setAll(shown);
        empty.setText(samples.isEmpty()
                ? "No personal samples yet. Draw on the Draw tab and press what it was (0-9, or X for not a digit)."
                : shown.isEmpty() ? "None of your samples is " + (NONE.equals(value) ? "marked not a digit." : "a " + value + ".") : "");
        empty.setVisible(!empty.getText().isEmpty());
        empty.setManaged(empty.isVisible());
    }

    private ToggleButton tile(PersonalSample sample) {
        PreviewView image = new PreviewView(56);
        image.show(sample.input());
        Label label = new Label(sample.isDigit() ? Integer.toString(sample.label()) : "not a digit");
        label.getStyleClass().add("sample-label");
        VBox box = new VBox(2, image, label);
        box.setAlignment(Pos.CENTER);
        ToggleButton tile = new ToggleButton();
        tile.setGraphic(box);
        tile.getStyleClass().add("sample-tile");
        tile.setToggleGroup(selection);
        tile.setUserData(sample.id());
        tile.setSelected(selected != null && selected.id().equals(sample.id()));
        tile.setOnAction(e -> {
            selected = tile.isSelected() ? sample : null;
            showSelected();
        });
        return tile;
    }

    private void showSelected() {
        detailBox.setDisable(selected == null);
        preview.show(selected == null ? null : selected.input());
        GraphicsContext g = drawing.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, drawing.getWidth(), drawing.getHeight());
        if (selected == null) {
            details.setText("Select a sample");
            return;
        }
        drawStrokes(g, selected.strokes(), drawing.getWidth());
        String said = selected.predicted() == PersonalSample.SAID_NOT_A_DIGIT ? "not a digit"
                : Integer.toString(selected.predicted());
        details.setText("Saved as " + PersonalSample.describe(selected.label()) + "; " + selected.model() + " had said " + said
                + ". " + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
                        .withZone(java.time.ZoneId.systemDefault()).format(selected.createdAt()));
    }

    /** The strokes as drawn, fitted into the square with a margin. */
    private static void drawStrokes(GraphicsContext g, List<Stroke> drawn, double side) {
        List<Stroke> strokes = app.digitpad.preprocess.PenDigitPlacer.place(drawn, (int) side, 0.8);
        g.setStroke(Color.rgb(20, 20, 28));
        g.setLineWidth(side / 28);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Stroke s : strokes) {
            List<Point> p = s.points();
            g.beginPath();
            g.moveTo(p.get(0).x(), p.get(0).y());
            for (int i = 1; i < p.size(); i++) {
                g.lineTo(p.get(i).x(), p.get(i).y());
            }
            if (p.size() == 1) {
                g.lineTo(p.get(0).x() + 0.1, p.get(0).y());
            }
            g.stroke();
        }
    }

    /** The samples shown under the current filter (for tests). */
    public int shownCount() {
        return tiles.getChildren().size();
    }
}
