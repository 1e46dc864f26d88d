package app.digitpad.ui.pad;

import app.digitpad.ui.LiveModel;
import app.digitpad.ui.Shortcuts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Draw screen: the pad on the left; the recognized digit, the ten bars and the model's-eye preview on the right. */
public final class PadView extends BorderPane {
    private static final javafx.css.PseudoClass NOT_A_DIGIT = javafx.css.PseudoClass.getPseudoClass("not-a-digit");
    private static final javafx.css.PseudoClass DISAGREE = javafx.css.PseudoClass.getPseudoClass("disagree");

    private final PadViewModel model;
    private final ProbabilityBars bars = new ProbabilityBars();
    private final PreviewView preview = new PreviewView(112);

    public PadView(PadViewModel model) {
        this(model, null);
    }

    /** @param below shown under the bars (the teach panel), or null */
    public PadView(PadViewModel model, javafx.scene.Node below) {
        this.model = model;
        getStyleClass().add("pad-view");
        setId("pad-view");

        PadCanvas pad = new PadCanvas(model);
        Label hint = new Label();
        hint.setId("pad-hint");
        hint.getStyleClass().add("pad-hint");
        hint.textProperty().bind(model.messageProperty());
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(model.emptyProperty());
        StackPane paper = new StackPane(pad, hint);
        paper.getStyleClass().add("paper");
        // The shadow is a separate, cached node behind the paper: as an effect on the paper itself
        // it was blurred again on every frame the ink changed, which held up each pulse.
        Region shadow = new Region();
        shadow.getStyleClass().add("paper-shadow");
        shadow.setCache(true);
        shadow.setMouseTransparent(true);
        StackPane area = new StackPane(shadow, paper);
        // The paper is the largest square that fits, so all of it takes ink.
        paper.maxWidthProperty().bind(javafx.beans.binding.Bindings.min(area.widthProperty(), area.heightProperty()));
        paper.maxHeightProperty().bind(paper.maxWidthProperty());
        paper.setMinSize(200, 200);
        shadow.maxWidthProperty().bind(paper.maxWidthProperty());
        shadow.maxHeightProperty().bind(paper.maxWidthProperty());
        shadow.setMinSize(200, 200);
        area.setMinSize(200, 200);
        VBox.setVgrow(area, Priority.ALWAYS);

        Button undo = new Button("Undo stroke");
        undo.setId("undo");
        undo.setTooltip(new Tooltip("Remove the last stroke (" + Shortcuts.text(Shortcuts.UNDO_STROKE) + ")"));
        undo.setOnAction(e -> model.undo());
        undo.disableProperty().bind(model.emptyProperty());
        Button clear = new Button("Clear");
        clear.setId("clear");
        clear.setTooltip(new Tooltip("Erase the pad (Esc or Delete)"));
        clear.setOnAction(e -> model.clear());
        clear.disableProperty().bind(model.emptyProperty());
        HBox tools = new HBox(8, undo, clear);
        tools.setAlignment(Pos.CENTER);
        Label modelLabel = note("pad-model", "model-label");
        modelLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(model.liveModel().getInfo()), model.liveModel().infoProperty()));
        VBox left = new VBox(8, area, tools, modelLabel);
        left.setPadding(new Insets(16));
        left.getStyleClass().add("pad-column");

        Label digit = new Label("–");
        digit.setId("top-digit");
        digit.getStyleClass().add("top-digit");
        Label confidence = new Label("Draw a digit");
        confidence.setId("confidence");
        confidence.getStyleClass().add("confidence");
        VBox answer = new VBox(0, digit, confidence);
        answer.setAlignment(Pos.CENTER);
        answer.getStyleClass().add("answer");

        Label previewTitle = new Label("Model's view, 28×28");
        previewTitle.getStyleClass().add("section-title");
        VBox seen = new VBox(4, previewTitle, preview);
        seen.setAlignment(Pos.CENTER);
        HBox top = new HBox(16, answer, seen);
        top.setAlignment(Pos.CENTER);
        HBox.setHgrow(answer, Priority.ALWAYS);
        Label readers = note("readers", "readers");
        readers.setTooltip(new Tooltip("Each drawing is read twice: from its 28×28 picture and from the path the pen took.\n"
                + "The answer and the bars join both readings."));
        readers.managedProperty().bind(readers.visibleProperty());
        readers.setVisible(false);
        VBox right = new VBox(10, top, readers, bars);
        if (below != null) {
            right.getChildren().add(below);
        }
        right.setPadding(new Insets(12, 16, 12, 16));
        // the teach panel makes the column taller than a small window: it scrolls rather than clips
        javafx.scene.control.ScrollPane results = new javafx.scene.control.ScrollPane(right);
        results.setFitToWidth(true);
        results.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        results.setPrefWidth(376);
        results.setMinWidth(336);
        results.getStyleClass().addAll("results", "edge-to-edge");
        results.setId("results");

        setCenter(left);
        setRight(results);

        model.recognitionProperty().addListener((obs, old, r) -> {
            answer.pseudoClassStateChanged(NOT_A_DIGIT, r != null && r.notADigit());
            java.util.Optional<String> twoReaders = r == null ? java.util.Optional.empty() : r.readers();
            readers.setText(twoReaders.orElse(""));
            readers.setVisible(twoReaders.isPresent());
            readers.pseudoClassStateChanged(DISAGREE, twoReaders.isPresent() && r.disagree());
            if (r == null) {
                digit.setText("–");
                confidence.setText("Draw a digit");
                bars.show(null, -1, false);
                preview.show(null);
            } else if (r.notADigit()) {
                digit.setText("?");
                confidence.setText("Not a digit?");
                bars.show(r.probabilities(), r.digit(), true);
                preview.show(r.preview());
            } else {
                digit.setText(Integer.toString(r.digit()));
                confidence.setText(String.format("%.1f%% sure", r.confidence() * 100));
                bars.show(r.probabilities(), r.digit(), false);
                preview.show(r.preview());
            }
        });

        Shortcuts.whileShown(this, Shortcuts.UNDO_STROKE, model::undo);
        Shortcuts.whileShown(this, Shortcuts.CLEAR_PAD, model::clear);
        Shortcuts.whileShown(this, Shortcuts.CLEAR_PAD_TOO, model::clear);
    }

    /** A line of small text, centred and wrapped whole (never cut short). */
    private static Label note(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static String describe(LiveModel.Info info) {
        return info == null ? "Loading model…" : "Model: " + info.metadata().summary();
    }

    /** The recognition shown now, or null. */
    public Recognition recognition() {
        return model.recognitionProperty().get();
    }

    public ProbabilityBars bars() {
        return bars;
    }

    public PreviewView preview() {
        return preview;
    }
}
