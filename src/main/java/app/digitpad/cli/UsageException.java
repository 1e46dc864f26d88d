package app.digitpad.cli;

/** A command line that cannot be run as given; the message says which option and why. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
