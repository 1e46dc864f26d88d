package app.digitpad.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the app, in one place: the screens register theirs from here and
 * Help › Keyboard shortcuts lists them all, so the list cannot drift from what the keys do.
 */
public final class Shortcuts {
    /** One shortcut: its keys, what it does, and where it works. */
    public record Shortcut(KeyCombination keys, String action, String where) {
        /** The keys as this platform writes them, e.g. "Ctrl+O". */
        public String keysText() {
            return text(keys);
        }
    }

    public static final KeyCombination OPEN_MODEL = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SHOW_DRAW = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SHOW_TRAIN = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SHOW_EVALUATE = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SHOW_SAMPLES = new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SHOW_NETWORK = new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN);
    /** "It was: N", for each digit N; only the 0 is listed, standing for all ten. */
    public static final KeyCombination ANSWER_DIGIT = new KeyCodeCombination(KeyCode.DIGIT0);
    public static final KeyCombination ANSWER_NOT_A_DIGIT = new KeyCodeCombination(KeyCode.X);
    public static final KeyCombination ADAPT = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination UNDO_STROKE = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination CLEAR_PAD = new KeyCodeCombination(KeyCode.ESCAPE);
    public static final KeyCombination CLEAR_PAD_TOO = new KeyCodeCombination(KeyCode.DELETE);
    public static final KeyCombination START_TRAINING = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination CANCEL_TRAINING = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination EVALUATE_AGAIN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

    private static final List<Shortcut> ALL = List.of(
            new Shortcut(OPEN_MODEL, "Open a model file", "anywhere"),
            new Shortcut(QUIT, "Quit", "anywhere"),
            new Shortcut(SHOW_DRAW, "Show the Draw screen", "anywhere"),
            new Shortcut(SHOW_TRAIN, "Show the Train screen", "anywhere"),
            new Shortcut(SHOW_EVALUATE, "Show the Evaluate screen", "anywhere"),
            new Shortcut(SHOW_SAMPLES, "Show your samples", "anywhere"),
            new Shortcut(SHOW_NETWORK, "Show the Network screen", "anywhere"),
            new Shortcut(HELP, "Keyboard shortcuts (this list)", "anywhere"),
            new Shortcut(UNDO_STROKE, "Undo the last stroke", "Draw, Network"),
            new Shortcut(CLEAR_PAD, "Clear the pad", "Draw, Network"),
            new Shortcut(CLEAR_PAD_TOO, "Clear the pad", "Draw, Network"),
            new Shortcut(ANSWER_DIGIT, "It was a 0 (keys 1-9 and the keypad's likewise): keep the drawing as a sample", "Draw"),
            new Shortcut(ANSWER_NOT_A_DIGIT, "It was not a digit: keep the drawing as a sample", "Draw"),
            new Shortcut(ADAPT, "Adapt to my handwriting", "Draw"),
            new Shortcut(START_TRAINING, "Start training", "Train"),
            new Shortcut(CANCEL_TRAINING, "Cancel training", "Train"),
            new Shortcut(EVALUATE_AGAIN, "Evaluate again", "Evaluate"));

    private Shortcuts() {}

    public static List<Shortcut> all() {
        return ALL;
    }

    /** How to write {@code keys} for people: "Ctrl+Enter" and "Esc" rather than JavaFX's "Ctrl+↵" and "Escape". */
    public static String text(KeyCombination keys) {
        return keys.getDisplayText().replace("↵", "Enter").replace("Escape", "Esc");
    }

    /**
     * Makes {@code keys} run {@code action} while {@code screen} is on show (its tab selected), from
     * anywhere in its window.
     */
    public static void whileShown(Node screen, KeyCombination keys, Runnable action) {
        screen.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(keys);
            }
            if (scene != null) {
                scene.getAccelerators().put(keys, () -> {
                    if (isShown(screen)) {
                        action.run();
                    }
                });
            }
        });
    }

    /** Whether a screen is on show: in a window, and it and all its parents visible (a tab's content is hidden with its tab). */
    static boolean isShown(Node screen) {
        if (screen.getScene() == null || screen.getParent() == null) {
            return false;
        }
        for (Node n = screen; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return screen.localToScene(screen.getBoundsInLocal()).getWidth() > 0;
    }
}
