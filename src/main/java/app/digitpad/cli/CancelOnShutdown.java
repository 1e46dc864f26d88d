package app.digitpad.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl+C (any JVM shutdown) cancels the work and then waits, at most
 * {@link #WAIT_MILLIS}, until the work has closed this: the JVM halts as soon as its shutdown hooks
 * return, so without the wait a cancelled run could neither say so nor remove its temporary file.
 */
final class CancelOnShutdown implements AutoCloseable {
    /** Longer than a training batch or a model save take; a hung engine call still cannot keep the JVM up. */
    static final long WAIT_MILLIS = 10_000;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    CancelOnShutdown(Runnable cancel) {
        hook = new Thread(() -> {
            cancel.run();
            try {
                closed.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "digitpad-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The work has ended and reported how: a shutdown may go ahead. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and now returns
        }
    }
}
