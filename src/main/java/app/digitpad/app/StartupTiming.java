package app.digitpad.app;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.io.ProcessClock;
import app.digitpad.ui.LiveModel;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup measurements, on only with {@code -Ddigitpad.startupTiming=true}: logs how long after the
 * process started each step was reached ({@link #mark}), the window was shown, the first model went
 * live and a prediction on a blank pad (run on the inference thread, like the pad's own) came back.
 * Used by {@code packaging/gui-start.sh} and the scripts built on it; the times count from process
 * start, so they include the launcher and JVM startup.
 */
final class StartupTiming {
    static final String PROPERTY = "digitpad.startupTiming";
    private static final Logger LOG = LoggerFactory.getLogger(StartupTiming.class);

    /** {@link System#nanoTime()} at the process start; 0 while timing is off. */
    private static long processStartNanos;

    private StartupTiming() {}

    /** Notes when the process started ({@link ProcessClock}); called first thing in {@code main}. */
    static void begin() {
        if (Boolean.getBoolean(PROPERTY)) {
            processStartNanos = System.nanoTime() - ProcessClock.ageNanos();
        }
    }

    /** Logs a step of start-up with the time since the process started (only with the property on). */
    static void mark(String step) {
        if (processStartNanos != 0) {
            LOG.info("DigitPad startup: {} at {} ms [{}]", step, sinceStart(), Thread.currentThread().getName());
        }
    }

    static void attach(Stage stage, LiveModel liveModel, Executor inference) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        if (processStartNanos == 0) {
            begin();
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> LOG.info("DigitPad startup: window shown after {} ms", sinceStart()));
        liveModel.infoProperty().addListener(new ChangeListener<LiveModel.Info>() {
            @Override
            public void changed(ObservableValue<? extends LiveModel.Info> property, LiveModel.Info old, LiveModel.Info info) {
                property.removeListener(this);
                long live = sinceStart();
                inference.execute(() -> {
                    try (LiveModel.Lease lease = liveModel.acquire().orElseThrow()) {
                        lease.classifier().predict(new float[MnistData.PIXELS]);
                        LOG.info("DigitPad startup: model live after {} ms, first prediction after {} ms", live, sinceStart());
                    } catch (Exception e) {
                        LOG.warn("DigitPad startup: first prediction failed: {}", e.toString());
                    }
                });
            }
        });
    }

    private static long sinceStart() {
        return (System.nanoTime() - processStartNanos) / 1_000_000;
    }
}
