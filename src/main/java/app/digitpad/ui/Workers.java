package app.digitpad.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's worker threads: one for live recognition (so predictions run in order and can be
 * coalesced), one for the Network view, and a small pool for loading, evaluation and training. Daemon threads, so a hung
 * engine call can never keep the JVM alive after the window closes.
 */
public final class Workers implements AutoCloseable {
    /** Tasks given to the inference thread and not finished yet. */
    private final AtomicInteger inferenceTasks = new AtomicInteger();
    private final ExecutorService inference = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            named("digitpad-inference")) {
        @Override
        public void execute(Runnable task) {
            inferenceTasks.incrementAndGet();
            try {
                super.execute(task);
            } catch (RuntimeException e) {
                inferenceTasks.decrementAndGet();
                throw e;
            }
        }

        @Override
        protected void afterExecute(Runnable task, Throwable thrown) {
            inferenceTasks.decrementAndGet();
        }
    };
    private final ExecutorService background = Executors.newCachedThreadPool(named("digitpad-worker"));
    private final ExecutorService network = Executors.newSingleThreadExecutor(named("digitpad-network"));

    public ExecutorService inference() {
        return inference;
    }

    /**
     * True while the inference thread has work waiting or running (live recognition). Any thread:
     * engine work that can wait, the Network view's, polls it to give way.
     */
    public boolean inferenceBusy() {
        return inferenceTasks.get() > 0;
    }

    public ExecutorService background() {
        return background;
    }

    /** The Network view's layer walks and saliency maps, in order, apart from live recognition. */
    public ExecutorService network() {
        return network;
    }

    @Override
    public void close() {
        inference.shutdownNow();
        background.shutdownNow();
        network.shutdownNow();
        try {
            inference.awaitTermination(2, TimeUnit.SECONDS);
            background.awaitTermination(2, TimeUnit.SECONDS);
            network.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
