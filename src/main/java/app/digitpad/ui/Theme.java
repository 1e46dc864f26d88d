package app.digitpad.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/** Light and dark looks: AtlantaFX's Primer themes plus DigitPad's own stylesheet, loaded in one place. */
public final class Theme {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final java.util.List<String> STYLESHEETS = java.util.stream.Stream.of("digitpad.css", "train.css", "evaluate.css")
            .map(name -> Theme.class.getResource(name).toExternalForm()).toList();

    private Theme() {}

    public static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        for (String sheet : STYLESHEETS) {
            if (!scene.getStylesheets().contains(sheet)) {
                scene.getStylesheets().add(sheet);
            }
        }
        scene.getRoot().pseudoClassStateChanged(DARK, dark);
    }
}
