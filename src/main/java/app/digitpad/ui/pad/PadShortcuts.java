package app.digitpad.ui.pad;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The pad's keys, one set per window: Ctrl+Z removes the last stroke, Esc and Delete clear. They act
 * only while a screen with a pad surface is the one on show (the Draw screen, or the Network
 * screen's smaller pad), since a scene holds one action per key.
 */
public final class PadShortcuts {
    private final PadViewModel model;
    private final List<Node> screens = new ArrayList<>();

    private PadShortcuts(Scene scene, PadViewModel model) {
        this.model = model;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), () -> {
            if (anyShown()) {
                model.undo();
            }
        });
        Runnable clear = () -> {
            if (anyShown()) {
                model.clear();
            }
        };
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), clear);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DELETE), clear);
    }

    /** Makes the keys act on {@code model} while {@code screen} is on show in {@code scene}. */
    public static void install(Scene scene, PadViewModel model, Node screen) {
        PadShortcuts shortcuts = (PadShortcuts) scene.getProperties()
                .computeIfAbsent(PadShortcuts.class, k -> new PadShortcuts(scene, model));
        if (!shortcuts.screens.contains(screen)) {
            shortcuts.screens.add(screen);
        }
    }

    private boolean anyShown() {
        for (Node screen : screens) {
            if (shown(screen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean shown(Node screen) {
        if (screen.getScene() == null) {
            return false;
        }
        for (Node n = screen; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
