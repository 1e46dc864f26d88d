package app.digitpad.ui;

import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;

/** Draws strokes (pad units) on a pad in the real window by dragging the robot's mouse along them. */
public final class PadRobot {
    private PadRobot() {}

    /** @param canvasId the pad's canvas, e.g. {@code #pad-canvas} */
    public static void draw(FxRobot robot, String canvasId, List<Stroke> strokes) {
        Canvas canvas = robot.lookup(canvasId).queryAs(Canvas.class);
        double scale = canvas.getWidth() / MnistPreprocessor.PAD_SIZE;
        for (Stroke stroke : strokes) {
            List<Point> points = stroke.points();
            robot.moveTo(screen(canvas, points.get(0), scale)).press(MouseButton.PRIMARY);
            int step = Math.max(1, points.size() / 25);
            for (int i = step; i < points.size(); i += step) {
                robot.moveTo(screen(canvas, points.get(i), scale));
            }
            robot.moveTo(screen(canvas, points.get(points.size() - 1), scale)).release(MouseButton.PRIMARY);
        }
    }

    private static Point2D screen(Canvas canvas, Point p, double scale) {
        return canvas.localToScreen(p.x() * scale, p.y() * scale);
    }
}
