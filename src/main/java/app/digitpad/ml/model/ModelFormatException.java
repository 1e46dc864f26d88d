package app.digitpad.ml.model;

import java.io.IOException;

/** A model file is missing, corrupt, or does not fit its declared architecture; the message names it. */
public class ModelFormatException extends IOException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
