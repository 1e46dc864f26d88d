package app.digitpad.preprocess;

/** A pen position in pad units (x to the right, y down). */
public record Point(double x, double y) {}
