package app.digitpad.cli;

import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.Durations;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import java.io.PrintWriter;

/** Prints a training run as a redrawn progress bar and one line per epoch. */
final class ConsoleProgress implements TrainingListener {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;
    private int lastTenth = -1;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
        // Redrawing with \r only makes sense on a terminal; logs get a line per 10%.
        this.terminal = System.console() != null;
    }

    @Override
    public void onStart(TrainingConfig config, int trainImages, int testImages) {
        out.printf("Training %s on %,d images (test %,d), %d epochs, batch %d, lr %s %s%s%n", config.architecture().id(),
                trainImages, testImages, config.epochs(), config.batchSize(), config.learningRate(),
                config.schedule().id(), config.augment() ? ", augmented" : "");
    }

    @Override
    public void onBatch(BatchProgress p) {
        long now = System.nanoTime();
        int tenth = (int) (p.fraction() * 10);
        if (terminal ? now - lastDraw < 250_000_000L && p.batch() != p.batchesPerEpoch() : tenth == lastTenth) {
            return;
        }
        lastDraw = now;
        lastTenth = tenth;
        int filled = (int) Math.round(p.fraction() * WIDTH);
        out.printf((terminal ? "\r" : "") + "[%s%s] %3.0f%% epoch %d/%d batch %d/%d loss %.4f %,.0f img/s ETA %s   ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), p.fraction() * 100, p.epoch(), p.epochs(), p.batch(),
                p.batchesPerEpoch(), p.loss(), p.imagesPerSecond(), Durations.format(p.etaMillis()));
        if (!terminal) {
            out.println();
        }
        out.flush();
    }

    @Override
    public void onEpoch(EpochResult r) {
        out.printf((terminal ? "%n" : "") + "epoch %d/%d: train loss %.4f acc %.2f%% | test loss %.4f acc %.2f%% | %,.0f img/s | %s elapsed%n",
                r.epoch(), r.epochs(), r.trainLoss(), r.trainAccuracy() * 100, r.testLoss(), r.testAccuracy() * 100,
                r.imagesPerSecond(), Durations.format(r.elapsedMillis()));
    }
}
