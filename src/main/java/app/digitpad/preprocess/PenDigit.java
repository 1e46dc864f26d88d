package app.digitpad.preprocess;

import java.util.List;

/**
 * One pen-written sample from the UNIPEN sets in {@code ../shared/pendigits} and
 * {@code ../shared/nondigits}: strokes in tablet units, y down. {@code label} is the digit, or
 * {@link #NOT_A_DIGIT} for a letter or symbol.
 */
public record PenDigit(String id, String writer, int label, List<Stroke> strokes) {
    public static final int NOT_A_DIGIT = -1;

    public boolean isDigit() {
        return label != NOT_A_DIGIT;
    }
}
