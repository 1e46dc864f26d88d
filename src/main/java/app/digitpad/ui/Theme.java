package app.digitpad.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/** Light and dark looks: AtlantaFX's Primer themes plus DigitPad's own stylesheet, loaded in one place. */
public final class Theme {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final java.util.List<String> STYLESHEETS = java.util.stream.Stream.of("digitpad.css", "train.css", "evaluate.css", "network.css")
            .map(name -> Theme.class.getResource(name).toExternalForm()).toList();

    private Theme() {}

    /**
     * Sets the AtlantaFX stylesheet for the whole application. Call it before the first control is
     * created: a control finding no stylesheet set loads and parses JavaFX's own Modena first,
     * which then goes unused.
     */
    public static void useForApplication(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Styles {@code scene} (one drawn off screen, e.g. for a picture) as {@code like} is styled now. */
    public static void same(Scene scene, Scene like) {
        scene.getStylesheets().setAll(like.getStylesheets());
        scene.getRoot().pseudoClassStateChanged(DARK, like.getRoot().getPseudoClassStates().contains(DARK));
    }

    public static void apply(Scene scene, boolean dark) {
        useForApplication(dark);
        for (String sheet : STYLESHEETS) {
            if (!scene.getStylesheets().contains(sheet)) {
                scene.getStylesheets().add(sheet);
            }
        }
        scene.getRoot().pseudoClassStateChanged(DARK, dark);
    }
}
