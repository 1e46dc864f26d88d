package app.digitpad.ui.pad;

import app.digitpad.ui.LiveModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Draw screen: the pad on the left; the recognized digit, the ten bars and the model's-eye preview on the right. */
public final class PadView extends BorderPane {
    private final PadViewModel model;
    private final ProbabilityBars bars = new ProbabilityBars();
    private final PreviewView preview = new PreviewView(140);

    public PadView(PadViewModel model) {
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
        undo.setTooltip(new Tooltip("Remove the last stroke (Ctrl+Z)"));
        undo.setOnAction(e -> model.undo());
        undo.disableProperty().bind(model.emptyProperty());
        Button clear = new Button("Clear");
        clear.setId("clear");
        clear.setTooltip(new Tooltip("Erase the pad (Esc or Delete)"));
        clear.setOnAction(e -> model.clear());
        clear.disableProperty().bind(model.emptyProperty());
        HBox tools = new HBox(8, undo, clear);
        tools.setAlignment(Pos.CENTER);
        VBox left = new VBox(10, area, tools);
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

        Label previewTitle = new Label("Model's view, 28×28");
        previewTitle.getStyleClass().add("section-title");
        Label modelLabel = new Label();
        modelLabel.setId("pad-model");
        modelLabel.getStyleClass().add("model-label");
        modelLabel.setWrapText(true);
        modelLabel.setMaxWidth(Double.MAX_VALUE);
        modelLabel.setMinHeight(Region.USE_PREF_SIZE);
        modelLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(model.liveModel().getInfo()), model.liveModel().infoProperty()));
        Label barsTitle = new Label("Probabilities");
        barsTitle.getStyleClass().add("section-title");
        VBox seen = new VBox(4, previewTitle, preview);
        seen.setAlignment(Pos.CENTER);
        HBox top = new HBox(16, answer, seen);
        top.setAlignment(Pos.CENTER);
        HBox.setHgrow(answer, Priority.ALWAYS);
        VBox right = new VBox(14, top, barsTitle, bars, modelLabel);
        right.setPadding(new Insets(16));
        right.setPrefWidth(360);
        right.setMinWidth(320);
        right.getStyleClass().add("results");

        setCenter(left);
        setRight(right);

        model.recognitionProperty().addListener((obs, old, r) -> {
            if (r == null) {
                digit.setText("–");
                confidence.setText("Draw a digit");
                bars.show(null, -1);
                preview.show(null);
            } else {
                digit.setText(Integer.toString(r.digit()));
                confidence.setText(String.format("%.1f%% sure", r.confidence() * 100));
                bars.show(r.probabilities(), r.digit());
                preview.show(r.preview());
            }
        });

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undoIfShown);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), this::clearIfShown);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DELETE), this::clearIfShown);
            }
        });
    }

    private void undoIfShown() {
        if (isVisible() && getScene() != null && isShowingInTab()) {
            model.undo();
        }
    }

    private void clearIfShown() {
        if (isShowingInTab()) {
            model.clear();
        }
    }

    /** Shortcuts act only while the Draw tab is the one on screen. */
    private boolean isShowingInTab() {
        return getParent() != null && localToScene(getBoundsInLocal()).getWidth() > 0 && isVisibleInTree();
    }

    private boolean isVisibleInTree() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(LiveModel.Info info) {
        return info == null ? "Loading model…" : "Model: " + info.metadata().summary();
    }

    public ProbabilityBars bars() {
        return bars;
    }

    public PreviewView preview() {
        return preview;
    }
}
