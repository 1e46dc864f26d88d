package app.digitpad.app;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ui.LiveModel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup measurements, on only with {@code -Ddigitpad.startupTiming=true}: logs how long after the
 * process started the window was shown, and when the first model went live and a prediction on a
 * blank pad (run on the inference thread, like the pad's own) came back. Used by
 * {@code packaging/measure.sh}; the times count from process start, so they include JVM startup.
 */
final class StartupTiming {
    static final String PROPERTY = "digitpad.startupTiming";
    private static final Logger LOG = LoggerFactory.getLogger(StartupTiming.class);

    private static Instant processStart;

    private StartupTiming() {}

    /**
     * Reads the process start time; called first thing in {@code main}. Read later, the native
     * method behind it is linked while PyTorch's library is being loaded, and waited half a
     * second for the dynamic linker, which the figures then counted as start-up time.
     */
    static void begin() {
        if (Boolean.getBoolean(PROPERTY)) {
            processStart = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        }
    }

    static void attach(Stage stage, LiveModel liveModel, Executor inference) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        Instant start = processStart != null ? processStart
                : ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> LOG.info("DigitPad startup: window shown after {} ms", since(start)));
        liveModel.infoProperty().addListener(new ChangeListener<LiveModel.Info>() {
            @Override
            public void changed(ObservableValue<? extends LiveModel.Info> property, LiveModel.Info old, LiveModel.Info info) {
                property.removeListener(this);
                long live = since(start);
                inference.execute(() -> {
                    try (LiveModel.Lease lease = liveModel.acquire().orElseThrow()) {
                        lease.classifier().predict(new float[MnistData.PIXELS]);
                        LOG.info("DigitPad startup: model live after {} ms, first prediction after {} ms", live, since(start));
                    } catch (Exception e) {
                        LOG.warn("DigitPad startup: first prediction failed: {}", e.toString());
                    }
                });
            }
        });
    }

    private static long since(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }
}
