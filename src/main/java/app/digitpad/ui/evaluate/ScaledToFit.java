package app.digitpad.ui.evaluate;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows its content at its preferred size when there is room, and scaled down as a whole (text
 * included) when there is not, down to {@code minScale}: the confusion matrix keeps its proportions
 * and all its cells on a small window instead of being cut off.
 */
final class ScaledToFit extends Region {
    private final Region content;
    private final double minScale;
    private final Scale scale = new Scale(1, 1, 0, 0);

    ScaledToFit(Region content, double minScale) {
        this.content = content;
        this.minScale = minScale;
        content.getTransforms().add(scale);
        getChildren().add(content);
    }

    /** How much the content is scaled now (1 = its own size). */
    double scale() {
        return scale.getX();
    }

    /** Its width follows the height it gets: a matrix scaled to a short window is narrower too. */
    @Override
    public Orientation getContentBias() {
        return Orientation.VERTICAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double k = 1;
        if (height > 0) {
            k = Math.max(minScale, Math.min(1, (height - in.getTop() - in.getBottom()) / content.prefHeight(-1)));
        }
        return in.getLeft() + content.prefWidth(-1) * k + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + content.prefHeight(-1) + in.getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + content.prefWidth(-1) * minScale + in.getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + content.prefHeight(-1) * minScale + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double width = content.prefWidth(-1);
        double height = content.prefHeight(-1);
        double k = Math.max(minScale, Math.min(1, Math.min((getWidth() - in.getLeft() - in.getRight()) / width,
                (getHeight() - in.getTop() - in.getBottom()) / height)));
        scale.setX(k);
        scale.setY(k);
        content.resizeRelocate(in.getLeft(), in.getTop(), width, height);
    }
}
