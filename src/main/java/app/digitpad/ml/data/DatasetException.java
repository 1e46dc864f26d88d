package app.digitpad.ml.data;

import java.io.IOException;

/** A dataset file is missing, truncated or not what it claims to be; the message names the file. */
public class DatasetException extends IOException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
