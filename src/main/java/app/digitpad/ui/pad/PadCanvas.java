package app.digitpad.ui.pad;

import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.util.ArrayList;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The square drawing surface. It resizes with its container, maps pointer positions to pad units
 * and draws the strokes smoothly (quadratic curves through segment midpoints, round caps) with a
 * brush that scales with the pad (display only: recognition draws the strokes with its own pen). Touch and pen arrive as mouse
 * events on every platform JavaFX supports.
 */
public final class PadCanvas extends Pane {
    /** The pen on screen, in pad units; recognition draws the strokes with its own pen (InkStyle). */
    private static final double BRUSH = PadViewModel.PAD_SIZE / 18.0;
    /** The ink's colour, {@code -dp-ink} in CSS (dark on the light theme's paper, light on the dark theme's). */
    private static final CssMetaData<PadCanvas, Paint> INK = new CssMetaData<>("-dp-ink", PaintConverter.getInstance(),
            Color.BLACK) {
        @Override
        public boolean isSettable(PadCanvas pad) {
            return !pad.ink.isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(PadCanvas pad) {
            return pad.ink;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Pane.getClassCssMetaData());
        all.add(INK);
        CSS = List.copyOf(all);
    }

    private final StyleableObjectProperty<Paint> ink = new SimpleStyleableObjectProperty<>(INK, this, "ink", Color.BLACK) {
        @Override
        protected void invalidated() {
            redraw();
        }
    };
    private final Canvas canvas = new Canvas();
    private final PadViewModel model;

    private final app.digitpad.ui.ShownTracker shown = new app.digitpad.ui.ShownTracker(this);

    public PadCanvas(PadViewModel model) {
        this(model, "pad", 200);
    }

    /**
     * Another surface on the same drawing (the Network view has one): ids {@code id} and
     * {@code id + "-canvas"}, at least {@code minSide} square.
     */
    public PadCanvas(PadViewModel model, String id, double minSide) {
        this.model = model;
        getStyleClass().add("pad");
        setId(id);
        getChildren().add(canvas);
        setMinSize(minSide, minSide);
        widthProperty().addListener(o -> layoutCanvas());
        heightProperty().addListener(o -> layoutCanvas());
        // a surface on a hidden tab is not drawn; it catches up when shown
        model.revisionProperty().addListener(o -> redrawIfShown());
        shown.shownProperty().addListener((obs, was, is) -> redrawIfShown());
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setId(id + "-canvas");
    }

    private void redrawIfShown() {
        if (shown.shownProperty().get()) {
            redraw();
        }
    }

    private void layoutCanvas() {
        double side = Math.min(getWidth(), getHeight());
        canvas.setWidth(side);
        canvas.setHeight(side);
        canvas.relocate((getWidth() - side) / 2, (getHeight() - side) / 2);
        redraw();
    }


    private double scale() {
        return canvas.getWidth() / PadViewModel.PAD_SIZE;
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            model.beginStroke(clamp(e.getX() / scale()), clamp(e.getY() / scale()));
            redraw();
            e.consume();
        }
    }

    private void dragged(MouseEvent e) {
        if (e.isPrimaryButtonDown()) {
            model.extendStroke(clamp(e.getX() / scale()), clamp(e.getY() / scale()));
            redraw(); // every point, while recognition is throttled
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            model.endStroke();
            e.consume();
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(PadViewModel.PAD_SIZE, v));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double s = scale();
        g.setStroke(ink.get());
        g.setFill(ink.get());
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double width = BRUSH * s;
        g.setLineWidth(width);
        for (Stroke stroke : model.strokes()) {
            List<Point> points = stroke.points();
            if (points.size() == 1) {
                Point p = points.get(0);
                g.fillOval(p.x() * s - width / 2, p.y() * s - width / 2, width, width);
                continue;
            }
            g.beginPath();
            g.moveTo(points.get(0).x() * s, points.get(0).y() * s);
            for (int i = 1; i < points.size() - 1; i++) {
                Point p = points.get(i);
                Point next = points.get(i + 1);
                g.quadraticCurveTo(p.x() * s, p.y() * s, (p.x() + next.x()) / 2 * s, (p.y() + next.y()) / 2 * s);
            }
            Point last = points.get(points.size() - 1);
            g.lineTo(last.x() * s, last.y() * s);
            g.stroke();
        }
    }
}
