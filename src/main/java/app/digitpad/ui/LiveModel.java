package app.digitpad.ui;

import app.digitpad.ml.model.DigitClassifier;
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

    public LiveModel() {
        this(LiveModel::runOnFx);
    }

    /** @param ui where property changes run (the FX thread; tests may run them directly) */
    public LiveModel(java.util.concurrent.Executor ui) {
        this.ui = ui;
    }

    private static final class Entry {
        final DigitClassifier classifier;
        int leases;
        boolean retired;

        Entry(DigitClassifier classifier) {
            this.classifier = classifier;
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

        @Override
        public void close() {
            synchronized (LiveModel.this) {
                if (closed) {
                    return;
                }
                closed = true;
                entry.leases--;
                if (entry.retired && entry.leases == 0) {
                    entry.classifier.close();
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
        return Optional.of(new Lease(current));
    }

    /**
     * Makes {@code next} live (taking ownership) and retires the previous model. Any thread. After
     * {@link #close()} (the window is gone) {@code next} is closed instead.
     */
    public void replace(DigitClassifier next, Path file) {
        synchronized (this) {
            if (ended) {
                next.close();
                return;
            }
            retire(current);
            current = new Entry(next);
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
    }

    private static void retire(Entry entry) {
        if (entry != null) {
            entry.retired = true;
            if (entry.leases == 0) {
                entry.classifier.close();
            }
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
