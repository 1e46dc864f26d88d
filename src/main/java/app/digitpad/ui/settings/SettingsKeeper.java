package app.digitpad.ui.settings;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings while the app runs. Each change is written to the settings file on a worker thread,
 * coalesced (a burst of changes is one write of the newest settings), and {@link #flush()} writes
 * them at once when the window closes. Without a file (tests, tools) settings live in memory only.
 * Any thread.
 */
public final class SettingsKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsKeeper.class);

    private final SettingsFile file;
    private final Executor saver;
    private final Optional<String> loadWarning;
    private Settings current;
    private Settings saved;
    private boolean saveScheduled;
    private boolean warned;

    /**
     * @param file where settings are written; null keeps them in memory
     * @param saver runs the writes (a worker thread)
     */
    public SettingsKeeper(SettingsFile file, Settings initial, Executor saver) {
        this(file, initial, Optional.empty(), saver);
    }

    private SettingsKeeper(SettingsFile file, Settings initial, Optional<String> loadWarning, Executor saver) {
        this.file = file;
        this.saver = saver;
        this.current = Objects.requireNonNull(initial);
        this.saved = initial;
        this.loadWarning = loadWarning;
    }

    /** The settings {@code file} holds now (the defaults if it cannot be read), written back there on change. */
    public static SettingsKeeper load(SettingsFile file, Executor saver) {
        SettingsFile.Loaded loaded = file.load();
        loaded.warning().ifPresent(LOG::warn);
        return new SettingsKeeper(file, loaded.settings(), loaded.warning(), saver);
    }

    /** Why the file could not be read when the settings were loaded, if it could not. */
    public Optional<String> loadWarning() {
        return loadWarning;
    }

    /** Settings that are never written anywhere: for tests and tools. */
    public static SettingsKeeper inMemory(Settings initial) {
        return new SettingsKeeper(null, initial, Runnable::run);
    }

    public synchronized Settings get() {
        return current;
    }

    public void update(UnaryOperator<Settings> change) {
        synchronized (this) {
            Settings next = change.apply(current);
            if (next.equals(current)) {
                return;
            }
            current = next;
            if (file == null || saveScheduled) {
                return;
            }
            saveScheduled = true;
        }
        try {
            saver.execute(this::saveNow);
        } catch (RuntimeException e) { // the worker pool is gone (the window is closing): flush() writes them
            synchronized (this) {
                saveScheduled = false;
            }
        }
    }

    /** Writes the newest settings now, on the calling thread, if they changed since the last write. */
    public void flush() {
        saveNow();
    }

    private void saveNow() {
        if (file == null) {
            return;
        }
        synchronized (file) { // one write at a time, and each takes the newest settings once it may write
            Settings toSave;
            synchronized (this) {
                saveScheduled = false;
                if (current.equals(saved)) {
                    return;
                }
                toSave = current;
            }
            try {
                file.save(toSave);
                synchronized (this) {
                    saved = toSave;
                }
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    if (warned) {
                        return;
                    }
                    warned = true;
                }
                LOG.warn("Could not save the settings to {}: {}", file.path(), e.toString());
            }
        }
    }
}
