package app.digitpad.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Whether a node is on screen: in a showing window, with it and every ancestor visible. A tab's
 * content is hidden by making its container invisible, so this turns true when the tab is selected.
 */
public final class ShownTracker {
    private final Node node;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final List<Observable> watched = new ArrayList<>();
    private final InvalidationListener changed = obs -> update();

    public ShownTracker(Node node) {
        this.node = node;
        update();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Re-watches the current chain of ancestors (it may have changed) and recomputes. */
    private void update() {
        for (Observable o : watched) {
            o.removeListener(changed);
        }
        watched.clear();
        boolean visible = true;
        for (Node n = node; n != null; n = n.getParent()) {
            watch(n.visibleProperty());
            watch(n.parentProperty());
            visible &= n.isVisible();
        }
        watch(node.sceneProperty());
        Scene scene = node.getScene();
        Window window = null;
        if (scene != null) {
            watch(scene.windowProperty());
            window = scene.getWindow();
            if (window != null) {
                watch(window.showingProperty());
            }
        }
        shown.set(visible && window != null && window.isShowing());
    }

    private void watch(Observable observable) {
        observable.addListener(changed);
        watched.add(observable);
    }
}
