package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

/**
 * The maximum of the last {@code span} values (values >= 0; 0 before any), in O(1) per value without data-dependent
 * branches: the values are taken in epochs of {@code span} (van Herk / Gil-Werman). The window is a suffix of the
 * previous epoch and a prefix of the current one; the ring holds the current epoch's values at offsets below
 * {@code phase} and the previous epoch's suffix maxima from {@code phase} on, so the maximum is
 * {@code max(ring[phase], epochMax)}. When an epoch completes, one backward pass turns its values into suffix
 * maxima. Snapshots use the equivalent monotonic deque (the values greater than every later value in the window,
 * with their indices), so their form does not depend on this layout.
 */
final class SlidingMax {
    private final int span;
    private final double[] ring;
    private int phase;
    private double epochMax;
    private long count;

    SlidingMax(int span) {
        this.span = span;
        this.ring = new double[span];
    }

    /** The maximum of the previous {@code span} values, 0 if there are none. */
    double max() {
        return Math.max(ring[phase], epochMax);
    }

    void add(double v) {
        ring[phase] = v;
        epochMax = Math.max(epochMax, v);
        count++;
        if (++phase == span) {
            for (int j = span - 2; j >= 0; j--) {
                ring[j] = Math.max(ring[j], ring[j + 1]);
            }
            phase = 0;
            epochMax = 0.0;
        }
    }

    /** Values added so far. */
    long count() {
        return count;
    }

    /**
     * The window as a monotonic deque, oldest first: each value in the window that is greater than every later one,
     * with its index (0 for the first value added).
     *
     */
    Deque deque() {
        long[] index = new long[span];
        double[] value = new double[span];
        int size = 0;
        double later = Double.NEGATIVE_INFINITY;
        long epochStart = count - phase;
        for (int j = phase - 1; j >= 0; j--) {
            if (ring[j] > later) {
                later = ring[j];
                index[size] = epochStart + j;
                value[size++] = later;
            }
        }
        if (epochStart >= span) {
            for (int j = span - 1; j >= phase; j--) {
                if (ring[j] > later) {                  // a suffix maximum that rises is the value at j itself
                    later = ring[j];
                    index[size] = epochStart - span + j;
                    value[size++] = later;
                }
            }
        }
        long[] indices = new long[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            indices[i] = index[size - 1 - i];
            values[i] = value[size - 1 - i];
        }
        return new Deque(indices, values);
    }

    /** A monotonic deque: indices and values, oldest first. */
    record Deque(long[] index, double[] value) {
    }

    /**
     * Sets the state from a deque as {@link #deque()} gives it and the count of values added. A value of the
     * window that is not in the deque is at most a later one, so it never decides a maximum and is restored as 0.
     */
    void restore(long[] indices, double[] values, long addedCount) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("maxIndex and maxValue differ in length: " + indices.length
                    + " and " + values.length);
        }
        Arrays.fill(ring, 0.0);
        count = addedCount;
        phase = (int) (addedCount % span);
        epochMax = 0.0;
        long epochStart = addedCount - phase;
        double[] previous = new double[span];
        for (int i = 0; i < indices.length; i++) {
            long at = indices[i];
            if (at >= epochStart && at < addedCount) {
                ring[(int) (at - epochStart)] = values[i];
                epochMax = Math.max(epochMax, values[i]);
            } else if (at >= epochStart - span && at < epochStart) {
                previous[(int) (at - epochStart + span)] = values[i];
            }
        }
        double suffix = 0.0;
        for (int j = span - 1; j >= phase; j--) {
            suffix = Math.max(previous[j], suffix);
            ring[j] = suffix;
        }
    }
}
