package app.digitpad.ml.model;

/** One point of a training curve: x in epochs (fractional during an epoch), y the value. */
public record CurvePoint(double x, double y) {}
