package app.digitpad.ui.evaluate;

import app.digitpad.ui.evaluate.EvaluateViewModel.GalleryItem;
import java.util.HashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The images of one matrix cell, one page at a time (at most {@link EvaluateViewModel#PAGE_SIZE}
 * nodes, however many images the cell holds), each enlarged from its 28x28 pixels with the
 * predicted digit and its probability. Hovering or clicking an image shows its top three
 * probabilities beside the page.
 */
final class GalleryView extends VBox {
    static final int THUMB_SCALE = 2;
    static final int DETAIL_SCALE = 3;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final EvaluateViewModel model;
    private final TilePane tiles = new TilePane();
    private final Label placeholder = new Label("Click a cell of the matrix to see its test images.");
    private final StackPane detailImage = new StackPane();
    private final Label detailTitle = new Label();
    private final Label detailTruth = new Label();
    private final GridPane top3 = new GridPane();
    private final Map<GalleryItem, Node> thumbs = new HashMap<>();
    private Node selectedThumb;

    GalleryView(EvaluateViewModel model) {
        this.model = model;
        setId("gallery");
        getStyleClass().add("gallery");

        Label title = new Label();
        title.setId("gallery-title");
        title.getStyleClass().add("gallery-title");
        title.textProperty().bind(model.galleryTitleProperty());
        Button previous = new Button("‹");
        previous.setId("gallery-prev");
        previous.setTooltip(new Tooltip("Previous page"));
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button("›");
        next.setId("gallery-next");
        next.setTooltip(new Tooltip("Next page"));
        next.setOnAction(e -> model.nextPage());
        Label page = new Label();
        page.setId("gallery-page");
        page.getStyleClass().add("gallery-page");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, previous, page, next);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("gallery-header");
        Runnable pager = () -> {
            Paging p = model.pagingProperty().get();
            boolean any = model.selectedCellProperty().get() != null;
            page.setText(any ? p.label() : "");
            previous.setDisable(!p.hasPrevious());
            next.setDisable(!p.hasNext());
            previous.setVisible(any && p.pages() > 1);
            next.setVisible(any && p.pages() > 1);
        };
        model.pagingProperty().addListener((obs, old, p) -> pager.run());
        model.selectedCellProperty().addListener((obs, old, c) -> pager.run());
        pager.run();

        tiles.setId("gallery-tiles");
        tiles.getStyleClass().add("gallery-tiles");
        placeholder.getStyleClass().add("gallery-placeholder");
        placeholder.setWrapText(true);
        StackPane body = new StackPane(tiles, placeholder);
        body.setAlignment(Pos.TOP_LEFT);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("gallery-scroll");

        detailImage.getStyleClass().add("detail-image");
        detailTitle.getStyleClass().add("detail-title");
        detailTruth.getStyleClass().add("detail-truth");
        top3.setId("gallery-top3");
        top3.getStyleClass().add("top3");
        Label top3Title = new Label("Top 3");
        top3Title.getStyleClass().add("section-title");
        detailTitle.setWrapText(true);
        detailTruth.setWrapText(true);
        Button why = new Button("Why?");
        why.setId("gallery-mode-why");
        why.setTooltip(new Tooltip("Why the selected image was read as it was: saliency maps for its prediction and its "
                + "true digit"));
        why.setOnAction(e -> model.why().shownProperty().set(true));
        VBox caption = new VBox(4, detailTitle, detailTruth);
        HBox head = new HBox(8, detailImage, caption);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top3Head = new HBox(8, top3Title, gap, why);
        top3Head.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(6, head, top3Head, top3);
        detail.setId("gallery-detail");
        detail.getStyleClass().add("gallery-detail");
        detail.visibleProperty().bind(model.inspectedProperty().isNotNull());

        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox images = new HBox(10, scroll, detail);
        GalleryWhyView whyView = new GalleryWhyView(model);
        // the page of images, or the selected image's "why" maps in the same space (no room for both)
        images.visibleProperty().bind(model.why().shownProperty().not());
        whyView.visibleProperty().bind(model.why().shownProperty());
        StackPane content = new StackPane(images, whyView);
        content.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);

        model.pageItems().addListener((javafx.collections.ListChangeListener<GalleryItem>) c -> rebuild());
        model.selectedCellProperty().addListener((obs, old, cell) -> rebuild());
        model.inspectedProperty().addListener((obs, old, item) -> {
            showDetail(item);
            select(item == null ? null : thumbs.get(item));
        });
        rebuild();
    }

    private void rebuild() {
        thumbs.clear();
        selectedThumb = null;
        tiles.getChildren().clear();
        for (GalleryItem item : model.pageItems()) {
            Node thumb = thumb(item);
            thumbs.put(item, thumb);
            tiles.getChildren().add(thumb);
        }
        boolean cell = model.selectedCellProperty().get() != null;
        placeholder.setText(cell ? "No test image is in this cell." : "Click a cell of the matrix to see its test images.");
        placeholder.setVisible(tiles.getChildren().isEmpty());
        GalleryItem inspected = model.inspectedProperty().get();
        if (inspected != null) {
            select(thumbs.get(inspected));
        }
    }

    private Node thumb(GalleryItem item) {
        Label caption = new Label(String.format("→ %d · %.0f%%", item.prediction(), item.confidence() * 100));
        caption.getStyleClass().add("thumb-caption");
        VBox thumb = new VBox(2, Digits.view(item.pixels(), THUMB_SCALE), caption);
        thumb.setAlignment(Pos.CENTER);
        thumb.setId("thumb-" + item.index());
        thumb.getStyleClass().add("thumb");
        thumb.setOnMouseEntered(e -> showDetail(item));
        thumb.setOnMouseExited(e -> showDetail(model.inspectedProperty().get()));
        thumb.setOnMouseClicked(e -> {
            model.inspect(item);
            select(thumb);
        });
        return thumb;
    }

    private void select(Node thumb) {
        if (selectedThumb != null) {
            selectedThumb.pseudoClassStateChanged(SELECTED, false);
        }
        selectedThumb = thumb;
        if (thumb != null) {
            thumb.pseudoClassStateChanged(SELECTED, true);
        }
    }

    private void showDetail(GalleryItem item) {
        top3.getChildren().clear();
        detailImage.getChildren().clear();
        if (item == null) {
            detailTitle.setText("");
            detailTruth.setText("");
            return;
        }
        detailImage.getChildren().add(Digits.view(item.pixels(), DETAIL_SCALE));
        detailTitle.setText(String.format("Test image #%d", item.index()));
        detailTruth.setText(String.format("True %d%npredicted %d", item.label(), item.prediction()));
        int row = 0;
        for (int digit : item.top3()) {
            float p = item.probabilities()[digit];
            Label d = new Label(Integer.toString(digit));
            d.getStyleClass().add("top3-digit");
            if (digit == item.label()) {
                d.getStyleClass().add("true-digit");
            }
            Region bar = new Region();
            bar.getStyleClass().add("top3-bar");
            bar.setPrefWidth(Math.max(2, 80 * p)); // length, not colour: the probability as a bar
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            Label value = new Label(p < 0.0005 ? "<0.1%" : String.format("%.1f%%", p * 100));
            value.getStyleClass().add("top3-value");
            value.setId("top3-" + row);
            top3.addRow(row++, d, bar, value);
        }
    }
}
