package app.digitpad.ui.network;

import app.digitpad.ml.inspect.Layer;
import app.digitpad.ml.inspect.OcclusionSaliency;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Why this answer": saliency maps over the model's-eye preview for the first class, the second,
 * and the first rather than the second, on one diverging scale with its legend.
 */
public final class WhyPanel extends VBox {
    private final SaliencyOverlay first;
    private final SaliencyOverlay second;
    private final SaliencyOverlay contrast;
    private final Label firstCaption = caption();
    private final Label secondCaption = caption();
    private final Label contrastCaption = caption();
    private final DivergingLegend legend = new DivergingLegend(150, 10);
    private final Label low = new Label();
    private final Label high = new Label();
    private final String firstRole;
    private final String secondRole;

    /**
     * The maps in a row with the legend and a note on the method below them.
     *
     * @param side size of each map
     * @param firstRole what the first class is, like "answer" or "predicted"
     * @param secondRole what the second is, like "runner-up" or "true digit"
     */
    public WhyPanel(double side, String firstRole, String secondRole) {
        this(side, firstRole, secondRole, null);
    }

    /**
     * With a {@code heading}, a compact strip: the heading and the legend on the left of the maps,
     * the note on the method as the legend's tooltip.
     */
    public WhyPanel(double side, String firstRole, String secondRole, Node heading) {
        super(6);
        this.firstRole = firstRole;
        this.secondRole = secondRole;
        getStyleClass().add("why-panel");
        first = overlay(side, "why-first");
        second = overlay(side, "why-second");
        contrast = overlay(side, "why-contrast");
        HBox maps = new HBox(10, column(first, firstCaption), column(second, secondCaption), column(contrast, contrastCaption));
        maps.getStyleClass().add("why-maps");
        low.getStyleClass().add("scale-value");
        high.getStyleClass().add("scale-value");
        Label against = new Label("against");
        against.getStyleClass().add("scale-note");
        Label supports = new Label("for");
        supports.getStyleClass().add("scale-note");
        HBox scale = new HBox(6, against, low, legend, high, supports);
        scale.setAlignment(Pos.CENTER_LEFT);
        String method = ("Occlusion: each " + OcclusionSaliency.PATCH + "×" + OcclusionSaliency.PATCH
                + " patch of ink is erased in turn and the network run again. Red ink speaks for the class: erasing it "
                + "lowers the class's log-odds (in the third map, log p(first) − log p(second)); blue ink speaks against it. "
                + "One scale for the three maps.");
        if (heading != null) {
            Tooltip tip = new Tooltip(method);
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            Tooltip.install(this, tip);
            Label key = new Label("blue: against the class, red: for it");
            key.getStyleClass().add("scale-note");
            HBox compactScale = new HBox(6, low, legend, high);
            compactScale.setAlignment(Pos.CENTER_LEFT);
            VBox info = new VBox(6, heading, new VBox(2, compactScale, key));
            info.getStyleClass().add("why-info");
            HBox strip = new HBox(12, info, maps);
            strip.setAlignment(Pos.TOP_LEFT);
            HBox.setHgrow(info, javafx.scene.layout.Priority.ALWAYS);
            getChildren().add(strip);
        } else {
            Label how = new Label(method);
            how.getStyleClass().add("scale-note");
            how.setWrapText(true);
            how.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            getChildren().addAll(maps, scale, how);
        }
        show(null);
    }

    private static SaliencyOverlay overlay(double side, String id) {
        SaliencyOverlay overlay = new SaliencyOverlay(side);
        overlay.setId(id);
        return overlay;
    }

    private static VBox column(SaliencyOverlay overlay, Label caption) {
        caption.setMaxWidth(overlay.getPrefWidth());
        VBox box = new VBox(3, overlay, caption);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private static Label caption() {
        Label label = new Label();
        label.getStyleClass().add("why-caption");
        label.setWrapText(true);
        return label;
    }

    /** Shows {@code why}, or empty maps for null. */
    public void show(Why why) {
        if (why == null) {
            first.show(null, null, 0);
            second.show(null, null, 0);
            contrast.show(null, null, 0);
            firstCaption.setText(capitalized(firstRole));
            secondCaption.setText(capitalized(secondRole));
            contrastCaption.setText("");
            low.setText("");
            high.setText("");
            return;
        }
        float scale = why.scale();
        first.show(why.image(), why.firstMap(), scale);
        second.show(why.image(), why.secondMap(), scale);
        contrast.show(why.image(), why.contrast(), scale);
        firstCaption.setText(caption(firstRole, why.firstName(), why.probabilities()[why.first()]));
        secondCaption.setText(caption(secondRole, why.secondName(), why.probabilities()[why.second()]));
        contrastCaption.setText("Why " + why.firstName() + " and not " + why.secondName());
        low.setText(Layer.valueText(-scale));
        high.setText("+" + Layer.valueText(scale));
    }

    private static String caption(String role, String name, float p) {
        return (role.isEmpty() ? "" : capitalized(role) + " ") + name + " · " + percent(p);
    }

    private static String percent(float p) {
        return p < 0.001f ? "<0.1%" : String.format("%.1f%%", p * 100);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The first map's overlay (for tests). */
    public SaliencyOverlay firstOverlay() {
        return first;
    }
}
