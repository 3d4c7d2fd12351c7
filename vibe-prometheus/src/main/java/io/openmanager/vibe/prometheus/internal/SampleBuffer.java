package io.openmanager.vibe.prometheus.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded first-in first-out buffer of samples (series index, timestamp, value) in three primitive rings, between
 * the thread that produces frames and the thread that sends them. When full, {@link #put} either waits for room or
 * drops the oldest samples and counts them, as its caller asks. Thread-safe; adding and taking allocate nothing.
 */
public final class SampleBuffer {
    private final int capacity;
    private final int[] series;
    private final long[] times;
    private final double[] values;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int head;
    private int size;
    private long dropped;
    private long oldestArrivalNanos;
    private boolean closed;
    private boolean wokenUp;

    /** @param capacity the most samples held; at least 1 */
    public SampleBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity must be at least 1 sample: " + capacity);
        }
        this.capacity = capacity;
        this.series = new int[capacity];
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    /** The most samples held. */
    public int capacity() {
        return capacity;
    }

    /**
     * Appends samples in order.
     *
     * @param block wait for room when full (nothing is dropped) instead of dropping the oldest samples
     * @return false if the buffer was closed before every sample went in
     * @throws InterruptedException when interrupted while waiting for room
     */
    public boolean put(int[] seriesIndexes, long timestampMillis, double[] sampleValues, int count, boolean block,
                       long nowNanos) throws InterruptedException {
        lock.lock();
        try {
            for (int i = 0; i < count; i++) {
                while (size == capacity && block && !closed) {
                    changed.await();
                }
                if (closed) {
                    return false;
                }
                if (size == capacity) {
                    head = (head + 1) % capacity;
                    size--;
                    dropped++;
                }
                if (size == 0) {
                    oldestArrivalNanos = nowNanos;
                }
                int at = (head + size) % capacity;
                series[at] = seriesIndexes[i];
                times[at] = timestampMillis;
                values[at] = sampleValues[i];
                size++;
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code max} of the oldest samples into {@code batch}, waiting until {@code max} are there, the oldest
     * has waited {@code lingerNanos}, {@link #wakeUp()} is called, or the buffer is closed.
     *
     * @return the number of samples taken (0 when closed and empty, or woken up with nothing to take)
     */
    public int take(Batch batch, int max, long lingerNanos, NanoClock clock) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && !wokenUp && size < max) {
                long waited = clock.nanoTime() - oldestArrivalNanos;
                if (size > 0 && waited >= lingerNanos) {
                    break;
                }
                changed.awaitNanos(size == 0 ? TimeUnit.SECONDS.toNanos(1) : lingerNanos - waited);
            }
            wokenUp = false;
            int n = Math.min(size, max);
            batch.ensure(n);
            for (int i = 0; i < n; i++) {
                int at = (head + i) % capacity;
                batch.series[i] = series[at];
                batch.times[i] = times[at];
                batch.values[i] = values[at];
            }
            batch.size = n;
            head = (head + n) % capacity;
            size -= n;
            if (size > 0) {
                oldestArrivalNanos = clock.nanoTime(); // the rest waits at most another linger
            }
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Makes a waiting {@link #take} return with what there is (for flushing). */
    public void wakeUp() {
        lock.lock();
        try {
            wokenUp = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting samples and wakes every waiting thread; what is held can still be taken. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Empties the buffer, counting what it held as dropped, and returns that count. */
    public long discard() {
        lock.lock();
        try {
            long n = size;
            dropped += n;
            size = 0;
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Samples held now. */
    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Samples dropped so far (buffer full in drop mode, or discarded). */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** A source of {@link System#nanoTime()}-like readings; tests pass their own. */
    @FunctionalInterface
    public interface NanoClock {
        /** The current reading, in nanoseconds from an arbitrary origin. */
        long nanoTime();
    }

    /** Samples taken out of the buffer to be sent, in order; reused from request to request. */
    public static final class Batch {
        int[] series = new int[0];
        long[] times = new long[0];
        double[] values = new double[0];
        int size;

        void ensure(int n) {
            if (series.length < n) {
                series = new int[n];
                times = new long[n];
                values = new double[n];
            }
        }

        /** Number of samples. */
        public int size() {
            return size;
        }

        /** The series index of sample {@code i}. */
        public int series(int i) {
            return series[i];
        }

        /** The timestamp of sample {@code i}, epoch milliseconds. */
        public long timestampMillis(int i) {
            return times[i];
        }

        /** The value of sample {@code i}. */
        public double value(int i) {
            return values[i];
        }
    }
}
