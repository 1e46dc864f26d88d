package app.digitpad.ui.train;

/** One point of a chart, in chart units (x in epochs, y as plotted). */
public record ChartPoint(double x, double y) {}
