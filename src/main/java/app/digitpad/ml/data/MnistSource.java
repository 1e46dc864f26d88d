package app.digitpad.ml.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the four MNIST IDX files come from. The bundled copy (inside the jar, or {@code assets/mnist}
 * in a checkout) is the default so that training never needs the network; DJL's remote repository
 * is an explicit opt-in.
 */
public final class MnistSource {
    /** Classpath folder that {@code assets/mnist} is packaged into. */
    static final String CLASSPATH_FOLDER = "/digitpad/mnist/";

    public enum Kind { BUNDLED, DIRECTORY, REMOTE }

    private final Kind kind;
    private final Path directory;

    private MnistSource(Kind kind, Path directory) {
        this.kind = kind;
        this.directory = directory;
    }

    public static MnistSource bundled() {
        return new MnistSource(Kind.BUNDLED, null);
    }

    /** A folder holding the four {@code *-ubyte.gz} files under their original names. */
    public static MnistSource directory(Path directory) {
        return new MnistSource(Kind.DIRECTORY, Objects.requireNonNull(directory));
    }

    /** DJL's default dataset repository: downloads, so only on explicit request. */
    public static MnistSource remote() {
        return new MnistSource(Kind.REMOTE, null);
    }

    /** Parses a command-line value: {@code bundled}, {@code remote}, or a directory path. */
    public static MnistSource parse(String value) {
        switch (value) {
            case "bundled":
                return bundled();
            case "remote":
                return remote();
            default:
                return directory(Path.of(value));
        }
    }

    public Kind kind() {
        return kind;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String toString() {
        switch (kind) {
            case BUNDLED:
                return "bundled MNIST";
            case REMOTE:
                return "DJL remote repository";
            default:
                return directory.toString();
        }
    }
}
