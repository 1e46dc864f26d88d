package app.digitpad.ui;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.model.ModelMetadata;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The model the whole app uses right now. Workers borrow it through a {@link Lease}; a replaced
 * model is closed only when its last lease is returned, so a swap never breaks a running
 * prediction or evaluation. Properties change on the FX thread.
 */
public final class LiveModel implements AutoCloseable {
    /** What is live: its metadata and the file it came from (empty for the bundled model). */
    public record Info(ModelMetadata metadata, Optional<Path> file) {
        public String source() {
            return file.map(Path::toString).orElse("bundled with DigitPad");
        }
    }

    private final ReadOnlyObjectWrapper<Info> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final java.util.concurrent.Executor ui;
    private Entry current;
    private Info currentInfo;
    private boolean ended;
    /** Reads the pad's strokes beside the live model, once loaded; shared by every model without a reader of its own. */
    private StrokeReader strokeReader;
    private int openLeases;

    public LiveModel() {
        this(LiveModel::runOnFx);
    }

    /** @param ui where property changes run (the FX thread; tests may run them directly) */
    public LiveModel(java.util.concurrent.Executor ui) {
        this.ui = ui;
    }

    private static final class Entry {
        final DigitClassifier classifier;
        /** This model's own stroke reader (adapted with it), or null to read with the shared one. */
        final StrokeReader ownReader;
        int leases;
        boolean retired;

        Entry(DigitClassifier classifier, StrokeReader ownReader) {
            this.classifier = classifier;
            this.ownReader = ownReader;
        }

        void close() {
            try {
                classifier.close();
            } finally {
                if (ownReader != null) {
                    ownReader.close();
                }
            }
        }
    }

    /** A borrowed classifier; close it when done. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean closed;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public DigitClassifier classifier() {
            return entry.classifier;
        }

        /**
         * The stroke reader to read drawings with beside {@link #classifier()}: the one adapted with it, else
         * the shared one; empty until that has loaded, or if it could not.
         */
        public Optional<StrokeReader> strokeReader() {
            synchronized (LiveModel.this) {
                return Optional.ofNullable(entry.ownReader != null ? entry.ownReader : strokeReader);
            }
        }

        @Override
        public void close() {
            synchronized (LiveModel.this) {
                if (closed) {
                    return;
                }
                closed = true;
                entry.leases--;
                openLeases--;
                if (entry.retired && entry.leases == 0) {
                    entry.close();
                }
                if (ended && openLeases == 0) {
                    closeStrokeReader();
                }
            }
        }
    }

    /** Borrows the live classifier; empty while no model is live. Any thread. */
    public synchronized Optional<Lease> acquire() {
        if (current == null) {
            return Optional.empty();
        }
        current.leases++;
        openLeases++;
        return Optional.of(new Lease(current));
    }

    /**
     * Takes ownership of the shared stroke reader: the pad reads with it from now on beside every model
     * that has no reader of its own, so only the first one given is kept (later ones are closed). Any thread.
     */
    public synchronized void setStrokeReader(StrokeReader reader) {
        if (ended || strokeReader != null) {
            reader.close();
            return;
        }
        strokeReader = reader;
    }

    private void closeStrokeReader() {
        if (strokeReader != null) {
            strokeReader.close();
            strokeReader = null;
        }
    }

    /**
     * Makes {@code next} live (taking ownership) and retires the previous model; a stroke reader saved
     * in {@code file} with it ({@link StrokeReader#inModel}) reads with it, else the shared one. Not on
     * the FX thread: the file is read again for that. After {@link #close()} (the window is gone)
     * {@code next} is closed instead.
     */
    public void replace(DigitClassifier next, Path file) {
        replace(next, file, readerIn(file));
    }

    /** As {@link #replace(DigitClassifier, Path)}, with the model's own stroke reader (owned from now on; null for the shared one). */
    public void replace(DigitClassifier next, Path file, StrokeReader ownReader) {
        synchronized (this) {
            if (ended) {
                next.close();
                if (ownReader != null) {
                    ownReader.close();
                }
                return;
            }
            retire(current);
            current = new Entry(next, ownReader);
            currentInfo = new Info(next.metadata(), Optional.ofNullable(file));
        }
        // Read when it runs: of two swaps posted out of order, the property still ends on the live one.
        ui.execute(() -> info.set(liveInfo()));
    }

    private synchronized Info liveInfo() {
        return currentInfo;
    }

    public ReadOnlyObjectProperty<Info> infoProperty() {
        return info.getReadOnlyProperty();
    }

    public Info getInfo() {
        return info.get();
    }

    @Override
    public synchronized void close() {
        ended = true;
        retire(current);
        current = null;
        if (openLeases == 0) {
            closeStrokeReader();
        }
    }

    private static void retire(Entry entry) {
        if (entry != null) {
            entry.retired = true;
            if (entry.leases == 0) {
                entry.close();
            }
        }
    }

    /** The reader adapted with the model in {@code file}, or null; one that cannot be read is logged and left out. */
    private static StrokeReader readerIn(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return StrokeReader.inModel(file).orElse(null);
        } catch (Exception | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(LiveModel.class).warn(
                    "The stroke reader in {} cannot be read; reading with the shared one", file, e);
            return null;
        }
    }

    private static void runOnFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
