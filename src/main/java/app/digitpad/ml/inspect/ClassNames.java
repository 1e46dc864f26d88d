package app.digitpad.ml.inspect;

/** What the network's outputs stand for: digits 0-9, and an eleventh output (when a model has one) for "not a digit". */
public final class ClassNames {
    public static final int DIGITS = 10;

    private ClassNames() {}

    /** Short label, like "7" or "not a digit". */
    public static String of(int index) {
        return index < DIGITS ? Integer.toString(index) : index == DIGITS ? "not a digit" : "class " + index;
    }

    /** One or two characters, for narrow axes: "7", or "✗" for "not a digit". */
    public static String symbol(int index) {
        return index < DIGITS ? Integer.toString(index) : index == DIGITS ? "✗" : Integer.toString(index);
    }
}
