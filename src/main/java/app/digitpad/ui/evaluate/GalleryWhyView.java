package app.digitpad.ui.evaluate;

import app.digitpad.ui.evaluate.EvaluateViewModel.GalleryItem;
import app.digitpad.ui.network.WhyPanel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The gallery's "Why?" page: saliency maps of the selected image for its prediction against its true
 * digit, over the image itself, with arrows to step through the page's images one by one and a way
 * back to the page.
 */
final class GalleryWhyView extends VBox {
    private static final double SIDE = 96;

    GalleryWhyView(EvaluateViewModel model) {
        setId("gallery-why-view");
        getStyleClass().add("gallery-why-view");
        Label title = new Label();
        title.setId("gallery-why-title");
        title.getStyleClass().add("gallery-why-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(model.why().textProperty());
        Button previous = new Button("‹");
        previous.setId("gallery-why-previous");
        previous.setTooltip(new Tooltip("The image before this one"));
        previous.setOnAction(e -> model.inspectStep(-1));
        Button next = new Button("›");
        next.setId("gallery-why-next");
        next.setTooltip(new Tooltip("The image after this one"));
        next.setOnAction(e -> model.inspectStep(1));
        Label position = new Label();
        position.getStyleClass().add("gallery-page");
        Runnable update = () -> {
            GalleryItem item = model.inspectedProperty().get();
            int at = item == null ? -1 : model.pageItems().indexOf(item);
            position.setText(at < 0 ? "" : String.format("image %d of %d", at + 1, model.pageItems().size()));
            previous.setDisable(at <= 0);
            next.setDisable(at < 0 || at >= model.pageItems().size() - 1);
        };
        model.inspectedProperty().addListener((obs, old, item) -> update.run());
        model.pageItems().addListener((javafx.collections.ListChangeListener<GalleryItem>) c -> update.run());
        update.run();
        HBox stepper = new HBox(6, previous, position, next);
        stepper.setAlignment(Pos.CENTER_LEFT);
        Button back = new Button("‹ Images");
        back.setId("gallery-mode-images");
        back.setTooltip(new Tooltip("Back to the cell's images"));
        back.setOnAction(e -> model.why().shownProperty().set(false));

        WhyPanel maps = new WhyPanel(SIDE, "", "", new VBox(8, back, title, stepper));
        maps.setId("gallery-why");
        model.why().whyProperty().addListener((obs, old, w) -> maps.show(w));
        getChildren().add(maps);
    }
}
