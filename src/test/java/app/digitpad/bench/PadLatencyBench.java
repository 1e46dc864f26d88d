package app.digitpad.bench;

import app.digitpad.app.CompilerPriority;
import app.digitpad.app.DigitPadWindow;
import app.digitpad.app.ModelPreload;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.network.NetworkView;
import app.digitpad.ui.network.NetworkViewModel;
import app.digitpad.ui.pad.PadViewModel;
import app.digitpad.ui.pad.Recognition;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Benchmark (not a test) of the live pad, in a real window: start-up to an interactive pad with the
 * model live, stroke event to updated bars while pen digits are replayed at 125 pointer events per
 * second, and normalization + forward pass alone. Needs a display (Xvfb works):
 *
 * <pre>mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * xvfb-run -a java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" app.digitpad.bench.PadLatencyBench [pen digits] [count] [draw|network]</pre>
 *
 * (Run with plain java, not exec:java, so "after JVM start" is the app's own start.) The third
 * argument says which tab is open while the cold and warm rounds are drawn: the Draw tab (default)
 * or the Network tab, whose view then walks the layers and works out saliency beside the bars. Two
 * more warm rounds each follow, alternating the two tabs, for a comparison in the same run.
 */
public final class PadLatencyBench {
    private static final long EVENT_NANOS = 8_000_000L;

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/pendigits/dev.jsonl.gz");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String view = args.length > 2 ? args[2] : "draw";
        if (!view.equals("draw") && !view.equals("network")) {
            throw new IllegalArgumentException("the third argument is draw or network, not " + view);
        }

        CompilerPriority.lower(); // as the app's launcher does
        CountDownLatch shown = new CountDownLatch(1);
        DigitPadWindow[] window = new DigitPadWindow[1];
        long[] shownAt = new long[1];
        long[] phases = new long[2];
        Platform.startup(() -> {
            ModelPreload.start(); // toolkit up, window not built yet: where DigitPadApp.init() starts it
            phases[0] = System.currentTimeMillis();
            Stage stage = new Stage();
            window[0] = new DigitPadWindow(stage);
            phases[1] = System.currentTimeMillis();
            stage.show();
            shownAt[0] = System.currentTimeMillis();
            shown.countDown();
        });
        shown.await();
        PadViewModel pad = window[0].padModel();
        while (window[0].services().liveModel().getInfo() == null) {
            Thread.sleep(5);
        }
        long liveAt = System.currentTimeMillis();
        System.out.printf("start-up: JavaFX started %d ms, window built %d ms, window shown %d ms, model live %d ms after JVM start%n",
                phases[0] - jvmStart, phases[1] - jvmStart, shownAt[0] - jvmStart, liveAt - jvmStart);

        List<PenDigit> digits = PenDigits.load(file).subList(0, samples);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Recognition.Stages> stages = Collections.synchronizedList(new ArrayList<>());
        long[] firstAt = new long[1];
        fx(() -> pad.recognitionProperty().addListener((obs, old, r) -> {
            if (r != null) {
                latencies.add(r.latencyNanos());
                stages.add(r.stages());
                if (firstAt[0] == 0) {
                    firstAt[0] = System.currentTimeMillis();
                }
            }
        }));
        NetworkUpdates network = new NetworkUpdates();
        showTab(window[0], view, network);
        // The first digit is drawn once the pen digits are read (after the model is live; reading them takes a second).
        long firstEventAt = System.currentTimeMillis();
        replay(pad, digits.get(0));
        System.out.printf("first prediction on screen %d ms after JVM start (%d ms after the first pointer event)%n",
                firstAt[0] - jvmStart, firstAt[0] - firstEventAt);
        // Cold: the first digits after start, while the JIT is still compiling; warm: the same digits again;
        // then warm rounds alternating the two tabs.
        String other = view.equals("draw") ? "network" : "draw";
        String[][] rounds = {{"cold", view}, {"warm", view}, {"warm", other}, {"warm", view}, {"warm", other}};
        for (String[] phase : rounds) {
            showTab(window[0], phase[1], network);
            latencies.clear();
            stages.clear();
            network.reset();
            long phaseStart = System.nanoTime();
            long cpuStart = processCpuNanos();
            for (PenDigit digit : digits) {
                replay(pad, digit);
            }
            double seconds = (System.nanoTime() - phaseStart) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("stroke event -> bars updated (%s, %s tab open): %d recognitions, p50 %.2f ms, p99 %.2f ms, "
                    + "max %.2f ms; the app used %.2f s of CPU per second of drawing%n", phase[0], phase[1], sorted.size(),
                    pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, cpu / seconds);
            if (phase[1].equals("network")) {
                System.out.printf("    network view: %d layer walks (%.1f/s, at most %d in any second), %d saliency maps in %.1f s"
                        + " of drawing%n", network.walks(), network.walks() / seconds, network.busiestSecond(), network.maps(),
                        seconds);
            }
            printStage("waiting for the inference thread", stages, Recognition.Stages::queuedNanos);
            printStage("normalization", stages, Recognition.Stages::normalizeNanos);
            printStage("forward pass", stages, Recognition.Stages::forwardNanos);
            printStage("waiting for the FX thread", stages, Recognition.Stages::deliveryNanos);
        }
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            List<Long> pure = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (PenDigit digit : digits) {
                    List<Stroke> strokes = PenDigitPlacer.place(digit.strokes(), MnistPreprocessor.PAD_SIZE);
                    long t = System.nanoTime();
                    classifier.predict(MnistPreprocessor.fromStrokes(strokes));
                    if (round > 0) {
                        pure.add(System.nanoTime() - t);
                    }
                }
            }
            Collections.sort(pure);
            System.out.printf("normalization + forward pass: %d runs, p50 %.2f ms, p99 %.2f ms%n", pure.size(),
                    pct(pure, 50), pct(pure, 99));
        }
        Platform.runLater(window[0]::shutdown);
        Platform.exit();
        System.exit(0);
    }

    /** CPU time of the whole process (all its threads, PyTorch's native ones too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Selects the Draw or the Network tab, and the first time the Network view is built, counts its updates. */
    private static void showTab(DigitPadWindow window, String view, NetworkUpdates network) throws Exception {
        fx(() -> {
            var tabs = window.mainView().tabs();
            var tab = tabs.getTabs().stream().filter(t -> t.getId().equals("tab-" + view)).findFirst().orElseThrow();
            tabs.getSelectionModel().select(tab);
            if (view.equals("network") && !network.attached) {
                NetworkViewModel model = ((NetworkView) tab.getContent()).model();
                model.traceProperty().addListener((obs, old, t) -> network.walked());
                model.whyProperty().addListener((obs, old, w) -> network.explained(w));
                network.attached = true;
            }
        });
        Thread.sleep(500); // let the view settle (and, the first time, build) before drawing
    }

    /** Counts the Network view's updates while digits are drawn. FX thread. */
    private static final class NetworkUpdates {
        boolean attached;
        private final List<Long> walks = new ArrayList<>();
        private int maps;

        void walked() {
            walks.add(System.nanoTime());
        }

        void explained(Object why) {
            if (why != null) {
                maps++;
            }
        }

        synchronized void reset() throws InterruptedException {
            fx(() -> {
                walks.clear();
                maps = 0;
            });
        }

        int walks() {
            return walks.size();
        }

        int maps() {
            return maps;
        }

        /** Most layer walks shown within any one second. */
        int busiestSecond() {
            int best = 0;
            int from = 0;
            for (int to = 0; to < walks.size(); to++) {
                while (walks.get(to) - walks.get(from) >= 1_000_000_000L) {
                    from++;
                }
                best = Math.max(best, to - from + 1);
            }
            return best;
        }
    }

    /** Replays a digit as pointer events 8 ms apart on the FX thread, then waits for its final answer. */
    private static void replay(PadViewModel pad, PenDigit digit) throws Exception {
        List<Stroke> strokes = PenDigitPlacer.place(digit.strokes(), MnistPreprocessor.PAD_SIZE);
        fx(pad::clear);
        for (Stroke stroke : strokes) {
            List<Point> points = stroke.points();
            fx(() -> pad.beginStroke(points.get(0).x(), points.get(0).y()));
            for (Point p : points.subList(1, points.size())) {
                long due = System.nanoTime() + EVENT_NANOS;
                fx(() -> pad.extendStroke(p.x(), p.y()));
                // park, not spin: a real pointer does not burn a core that PyTorch's threads need
                java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
            }
            fx(pad::endStroke);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Recognition[] r = new Recognition[1];
            fx(() -> r[0] = pad.recognitionProperty().get());
            if (r[0] != null) {
                return;
            }
            Thread.sleep(1);
        }
    }

    private static void fx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            action.run();
            done.countDown();
        });
        done.await();
    }

    private static void printStage(String name, List<Recognition.Stages> stages, java.util.function.ToLongFunction<Recognition.Stages> stage) {
        List<Long> values = new ArrayList<>();
        synchronized (stages) {
            for (Recognition.Stages s : stages) {
                values.add(stage.applyAsLong(s));
            }
        }
        Collections.sort(values);
        System.out.printf("    %-34s p50 %6.2f ms, p99 %6.2f ms%n", name, pct(values, 50), pct(values, 99));
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
