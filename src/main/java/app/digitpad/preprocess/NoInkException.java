package app.digitpad.preprocess;

/** The image or drawing has no ink, so there is no digit to normalize. */
public class NoInkException extends IllegalArgumentException {
    public NoInkException(String message) {
        super(message);
    }
}
