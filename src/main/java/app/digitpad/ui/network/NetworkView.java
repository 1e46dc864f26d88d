package app.digitpad.ui.network;

import app.digitpad.ml.inspect.ClassNames;
import app.digitpad.ml.inspect.LayerTrace;
import app.digitpad.ml.inspect.Stage;
import app.digitpad.ui.ShownTracker;
import app.digitpad.ui.pad.PadCanvas;
import app.digitpad.ui.pad.PadViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Network screen: a small pad on the same drawing as the Draw screen, and beside it, for that
 * drawing, why the network answered as it did, what each layer outputs, the first layer's filters
 * and the model summary. State and work are in {@link NetworkViewModel}.
 */
public final class NetworkView extends BorderPane {
    static final double PAD_SIDE = 220;

    private final NetworkViewModel model;
    private final VBox content = new VBox();
    private final VBox layers = new VBox();
    private final StackPane filters = new StackPane();
    private final StackPane summary = new StackPane();
    private final WhyPanel why = new WhyPanel(140, "answer", "runner-up");
    private final TileDetail detail = new TileDetail();
    private final Label headline = new Label();
    private final List<FeatureMapGrid> grids = new ArrayList<>();
    private final List<DenseStageView> denses = new ArrayList<>();
    private OutputBars output;
    private FilterGrid filterGrid;

    public NetworkView(NetworkViewModel model, PadViewModel pad) {
        this.model = model;
        setId("network-view");
        getStyleClass().add("network-view");
        setTop(toolbar());
        setLeft(side(pad));

        content.getStyleClass().add("network-content");
        content.setId("network-content");
        content.getChildren().addAll(
                section("Why this answer", why, "why-section"),
                section("What each layer passes on", layers, "layers-section"),
                section("First layer's filters", filters, "filters-section"),
                section("Model summary", summary, "summary-section"));
        layers.getStyleClass().add("layer-list");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("network-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("network-scroll");
        setCenter(scroll);

        model.structureProperty().addListener((obs, old, s) -> rebuild(s));
        model.traceProperty().addListener((obs, old, t) -> showTrace(t));
        model.whyProperty().addListener((obs, old, w) -> why.show(w));
        model.hoveredProperty().addListener((obs, old, t) -> showDetail());
        model.pinnedProperty().addListener((obs, old, t) -> {
            markPinned(t);
            showDetail();
        });
        rebuild(model.structureProperty().get());

        ShownTracker shown = new ShownTracker(this);
        shown.shownProperty().addListener((obs, was, is) -> model.setActive(is));
        model.setActive(shown.shownProperty().get());
        // the pad's keys, as on the Draw screen, while this screen is the one shown
        javafx.event.EventHandler<KeyEvent> keys = e -> {
            if (!shown.shownProperty().get()) {
                return;
            }
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.DELETE) {
                pad.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.Z && e.isShortcutDown()) {
                pad.undo();
                e.consume();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    private HBox toolbar() {
        Label title = new Label("Inside the network");
        title.getStyleClass().add("network-title");
        headline.setId("network-headline");
        headline.getStyleClass().add("network-headline");
        headline.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button("Export PNG…");
        export.setId("network-export");
        export.setTooltip(new Tooltip("Save the feature maps, saliency maps, filters and summary as one picture"));
        export.setOnAction(e -> model.exportPng(content.snapshot(null, null)));
        export.disableProperty().bind(model.structureProperty().isNull());
        export.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, title, headline, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("network-toolbar");
        return bar;
    }

    private VBox side(PadViewModel pad) {
        PadCanvas canvas = new PadCanvas(pad, "network-pad", PAD_SIDE);
        StackPane paper = new StackPane(canvas);
        paper.getStyleClass().add("paper");
        paper.setMinSize(PAD_SIDE, PAD_SIDE);
        paper.setPrefSize(PAD_SIDE, PAD_SIDE);
        paper.setMaxSize(PAD_SIDE, PAD_SIDE);
        Button undo = new Button("Undo stroke");
        undo.setId("network-undo");
        undo.setTooltip(new Tooltip("Remove the last stroke (Ctrl+Z)"));
        undo.setOnAction(e -> pad.undo());
        undo.disableProperty().bind(pad.emptyProperty());
        Button clear = new Button("Clear");
        clear.setId("network-clear");
        clear.setTooltip(new Tooltip("Erase the pad (Esc or Delete)"));
        clear.setOnAction(e -> pad.clear());
        clear.disableProperty().bind(pad.emptyProperty());
        HBox tools = new HBox(8, undo, clear);
        Label answer = new Label();
        answer.setId("network-answer");
        answer.getStyleClass().add("network-answer");
        answer.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var r = pad.recognitionProperty().get();
            if (r == null) {
                return "Draw a digit on the pad";
            }
            return r.notADigit() ? String.format("Not a digit? (%.1f%%)", r.probabilities()[r.probabilities().length - 1] * 100)
                    : String.format("%s · %.1f%% sure", ClassNames.of(r.digit()), r.confidence() * 100);
        }, pad.recognitionProperty()));
        Label changed = new Label();
        changed.setId("network-path-changed");
        changed.getStyleClass().add("network-message");
        changed.setWrapText(true);
        changed.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it, not cut short with an ellipsis
        changed.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var r = pad.recognitionProperty().get();
            return r == null ? "" : r.changedByPath().orElse("");
        }, pad.recognitionProperty()));
        changed.managedProperty().bind(changed.textProperty().isNotEmpty());
        changed.visibleProperty().bind(changed.managedProperty());
        Label message = new Label();
        message.setId("network-message");
        message.getStyleClass().add("network-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox side = new VBox(8, paper, tools, answer, changed, message, detail);
        side.getStyleClass().add("network-side");
        side.setMinWidth(PAD_SIDE + 32);
        side.setPrefWidth(PAD_SIDE + 32);
        return side;
    }

    private static VBox section(String title, Node body, String id) {
        Label heading = new Label(title);
        heading.getStyleClass().add("network-section-title");
        VBox box = new VBox(8, heading, body);
        box.getStyleClass().add("network-section");
        box.setId(id);
        return box;
    }

    private void rebuild(NetworkStructure structure) {
        grids.clear();
        denses.clear();
        output = null;
        layers.getChildren().clear();
        filters.getChildren().clear();
        summary.getChildren().clear();
        filterGrid = null;
        if (structure == null) {
            headline.setText("");
            return;
        }
        headline.setText(structure.headline());
        List<Stage> stages = structure.stages();
        boolean anyConvolution = false;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            switch (stage.kind()) {
                case CONVOLUTION -> {
                    FeatureMapGrid grid = new FeatureMapGrid(i, stage, model);
                    grids.add(grid);
                    layers.getChildren().add(grid);
                    anyConvolution = true;
                }
                case DENSE -> {
                    DenseStageView dense = new DenseStageView(i, stage);
                    denses.add(dense);
                    layers.getChildren().add(dense);
                }
                case OUTPUT -> {
                    output = new OutputBars(stage.size());
                    Label title = new Label(stage.title() + " → softmax: the answer");
                    title.getStyleClass().add("stage-title");
                    VBox box = new VBox(4, title, output);
                    box.getStyleClass().add("stage");
                    box.setId("stage-" + i);
                    layers.getChildren().add(box);
                }
            }
        }
        if (!anyConvolution) {
            Label none = new Label("This network has no convolution layers: every unit of its first layer sees the whole image.");
            none.getStyleClass().add("scale-note");
            layers.getChildren().add(0, none);
        }
        if (structure.filters().count() > 0) {
            filterGrid = new FilterGrid(structure.filters(), model);
            filters.getChildren().add(filterGrid);
        } else {
            filters.getChildren().add(new Label("This network's first layer has no filters to show."));
        }
        summary.getChildren().add(new SummaryTable(structure.summary()));
        markPinned(model.pinnedProperty().get());
        showTrace(model.traceProperty().get());
    }

    private void showTrace(LayerTrace trace) {
        if (trace != null && trace.outputs().size() != structureLayerCount()) {
            return; // a pass of the previous model, already replaced
        }
        for (FeatureMapGrid grid : grids) {
            grid.show(trace == null ? null : trace.output(grid.stage().shownLayer()));
        }
        NetworkStructure structure = model.structureProperty().get();
        int d = 0;
        for (Stage stage : structure == null ? List.<Stage>of() : structure.stages()) {
            if (stage.kind() == Stage.Kind.DENSE) {
                denses.get(d++).show(trace == null ? null : trace.output(stage.shownLayer()));
            }
        }
        if (output != null) {
            output.show(trace == null ? null : trace.probabilities());
        }
        showDetail();
    }

    private int structureLayerCount() {
        NetworkStructure s = model.structureProperty().get();
        return s == null ? -1 : s.summary().layers().size();
    }

    private void markPinned(TileRef pinned) {
        for (FeatureMapGrid grid : grids) {
            grid.markPinned(pinned != null && pinned.kind() == TileRef.Kind.FEATURE_MAP && pinned.stage() == grid.stageIndex()
                    ? pinned.channel() : -1);
        }
        if (filterGrid != null) {
            filterGrid.markPinned(pinned != null && pinned.kind() == TileRef.Kind.FILTER ? pinned.channel() : -1);
        }
    }

    private void showDetail() {
        TileRef tile = model.focused();
        boolean pinned = tile != null && tile.equals(model.pinnedProperty().get()) && model.hoveredProperty().get() == null;
        if (tile == null) {
            detail.clear();
            return;
        }
        if (tile.kind() == TileRef.Kind.FILTER && filterGrid != null && tile.channel() < filterGrid.bank().count()) {
            var bank = filterGrid.bank();
            detail.showFilter("First layer", tile.channel(), bank.count(), filterGrid.mosaic(), bank.filters().get(tile.channel()),
                    bank.width(), bank.height(), pinned);
            return;
        }
        for (FeatureMapGrid grid : grids) {
            if (tile.kind() == TileRef.Kind.FEATURE_MAP && grid.stageIndex() == tile.stage() && tile.channel() < grid.tileCount()) {
                Stage stage = grid.stage();
                detail.showMap("Layer " + (stage.firstLayer() + 1) + " (" + stage.title().split(" → ")[0] + ")", tile.channel(),
                        stage.channels(), grid.mosaic(), grid.values(), stage.width(), stage.height(), grid.low(), grid.high(),
                        pinned);
                return;
            }
        }
        detail.clear();
    }

    public NetworkViewModel model() {
        return model;
    }

    public WhyPanel why() {
        return why;
    }

    /** The feature-map grids shown, one per convolution stage (for tests). */
    List<FeatureMapGrid> grids() {
        return grids;
    }

    /** The first layer's filter grid, null when it has none (for tests). */
    FilterGrid filterGrid() {
        return filterGrid;
    }
}
