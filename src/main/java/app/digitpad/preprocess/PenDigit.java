package app.digitpad.preprocess;

import java.util.List;

/** One pen-written digit from the UNIPEN set in {@code ../shared/pendigits}: strokes in tablet units. */
public record PenDigit(String id, String writer, int label, List<Stroke> strokes) {}
