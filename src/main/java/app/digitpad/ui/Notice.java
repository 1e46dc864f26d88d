package app.digitpad.ui;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A short notice at the bottom right of the window that goes by itself after a few seconds, with
 * an optional action. The app's own, styled by its stylesheets in either theme: ControlsFX's
 * notices are drawn with Modena colours that AtlantaFX does not define, and logged a CSS
 * ClassCastException each time one was styled before the window's stylesheets reached it.
 */
final class Notice {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    /** Gap between the notice and the window's edges (above the status bar). */
    private static final double MARGIN = 16;
    private static final double STATUS_BAR = 32;

    private static Popup showing;

    private Notice() {}

    /**
     * @param actionText the action button's text, or null for none
     * @param action what the button does (the notice closes too)
     */
    static void show(Window owner, String text, String actionText, Runnable action, Duration duration) {
        if (showing != null) {
            showing.hide();
        }
        Popup popup = new Popup();
        Label message = new Label(text);
        message.setId("notice-text");
        message.setWrapText(true);
        message.setMaxWidth(460);
        HBox box = new HBox(12, message);
        box.setId("notice");
        // "root": the theme's colour names are defined on .root, and a popup's scene has its own root
        box.getStyleClass().addAll("root", "dp-notice");
        box.setAlignment(Pos.CENTER_LEFT);
        if (actionText != null) {
            Button button = new Button(actionText);
            button.setId("notice-action");
            button.setOnAction(e -> {
                popup.hide();
                action.run();
            });
            box.getChildren().add(button);
        }
        Button close = new Button("×");
        close.setId("notice-close");
        close.getStyleClass().add("notice-close");
        close.setOnAction(e -> popup.hide());
        box.getChildren().add(close);
        if (owner.getScene() != null) {
            popup.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            box.pseudoClassStateChanged(DARK, owner.getScene().getRoot().getPseudoClassStates().contains(DARK));
        }
        popup.getContent().add(box);
        popup.setHideOnEscape(true);
        box.applyCss(); // in the popup's scene now: sized with its style, before it is placed
        double width = box.prefWidth(-1);
        double height = box.prefHeight(width);
        popup.show(owner, owner.getX() + owner.getWidth() - width - MARGIN,
                owner.getY() + owner.getHeight() - height - MARGIN - STATUS_BAR);
        showing = popup;
        PauseTransition timer = new PauseTransition(duration);
        timer.setOnFinished(e -> popup.hide());
        timer.play();
        popup.setOnHidden(e -> {
            timer.stop();
            if (showing == popup) {
                showing = null;
            }
        });
    }
}
