package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.sim.RealtimeDriver;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends a real-time run cleanly on Ctrl-C (or SIGTERM): a shutdown hook stops the driver, wakes its wait at once, and
 * keeps the JVM alive until the command has finished its output (flushed files, printed summary) and closed this, at
 * most {@value #WAIT_SECONDS} seconds.
 */
final class GracefulStop implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<RealtimeDriver> driver = new AtomicReference<>();
    private final Thread hook;

    GracefulStop(String threadName) {
        hook = new Thread(this::stopAndWait, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stopAndWait() {
        // Counted down before the driver is read, and watch() sets the driver before it reads the count: whichever
        // comes second sees the other, so a stop can never be missed.
        stopRequested.countDown();
        RealtimeDriver running = driver.get();
        if (running != null) {
            running.stop();
        }
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How the driver waits: on the stop latch, so that Ctrl-C ends a wait at once. Interrupting the thread instead
     * would close interruptible file channels before the last flush.
     */
    RealtimeDriver.Sleeper sleeper() {
        return wait -> stopRequested.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Hands over the driver to stop; stops it at once if the stop came first. */
    void watch(RealtimeDriver running) {
        driver.set(running);
        if (stopRequested.getCount() == 0) {
            running.stop();
        }
    }

    /** The command's output is complete: lets a waiting shutdown proceed, or removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // Ctrl-C: the hook is running and returns now that 'finished' is counted down.
        }
    }
}
