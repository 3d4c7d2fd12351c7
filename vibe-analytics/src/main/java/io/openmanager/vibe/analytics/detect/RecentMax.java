package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

/**
 * The maximum of the values added at most {@code span} ticks of a clock ago (values >= 0; 0 before any), in
 * under 100 bytes whatever the span (given with each query, never growing): a monotonic deque (each value of the
 * window that is greater than every later one, oldest first) capped at {@value #CAPACITY} entries. The default
 * detector's clock ticks once a second of the series' time, so its window covers a duration, whatever the sampling
 * interval. Values up to {@link #FLOOR} are not kept: the maximum is exact above it, and 0 when no kept value is in the window. When a new value would make one
 * entry too many, the second newest kept entry is dropped: the maximum stays exact until that entry would have
 * become the maximum, and is then the next kept value, which is smaller (the default detector's suppression damps a
 * little less in that case).
 *
 * <p>An entry is one {@code long}: the tick of the value (32 bits, compared modulo 2^32, so {@code span} must be
 * below 2^31 and the clock must not go back) and the value rounded to a float. Ticks never decrease.
 */
final class RecentMax {
    /** Entries kept. */
    static final int CAPACITY = 6;
    /**
     * Values at or below this are not kept. For the default detector's raw scores 0.1 is a surprise of 1.3 (a
     * one-in-20 event): such a score could only damp later scores below 0.11, far under any alarm threshold, and
     * leaving them out keeps the deque's data-dependent branches off the common path.
     */
    static final double FLOOR = 0.1;
    private static final long VALUE_MASK = 0xFFFF_FFFFL;

    private final long[] entries = new long[CAPACITY];
    private int size;
    private int lastTick;

    /**
     * The maximum of the values added at most {@code span} ticks before {@code tick} (span in [1, 2^31)), if above
     * {@link #FLOOR}, else 0. Entries older than the span are dropped, so the span must not grow afterwards.
     */
    double max(int tick, int span) {
        while (size > 0 && tick - tick(entries[0]) > span) {
            System.arraycopy(entries, 1, entries, 0, --size);
        }
        return size > 0 ? value(entries[0]) : 0.0;
    }

    /** Adds a value at {@code tick}, which must not be before the previous one's. */
    void add(int tick, double v) {
        lastTick = tick;
        if (!(v > FLOOR)) {
            return;
        }
        float f = (float) v;
        while (size > 0 && value(entries[size - 1]) <= f) {
            size--;
        }
        if (size == CAPACITY) {
            entries[size - 2] = entries[size - 1];
            size--;
        }
        entries[size++] = entry(tick, f);
    }

    /** The tick of the last value added (0 before any). */
    int lastTick() {
        return lastTick;
    }

    /** The kept entries, oldest first (for snapshots). */
    long[] entries() {
        return Arrays.copyOf(entries, size);
    }

    /**
     * Checks entries as {@link #entries()} and {@link #lastTick()} give them, for a snapshot field named
     * {@code field}: at most {@value #CAPACITY}, each added at or before {@code lastTick} and not before the previous
     * entry (oldest first, within 2^31 ticks), with values finite, above {@link #FLOOR} and falling.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static void check(String field, long[] kept, int lastTick) {
        if (kept.length > CAPACITY) {
            throw new IllegalArgumentException(field + " holds at most " + CAPACITY + " entries: " + kept.length);
        }
        int previousAge = Integer.MAX_VALUE;
        float previousValue = Float.POSITIVE_INFINITY;
        for (int i = 0; i < kept.length; i++) {
            int age = lastTick - tick(kept[i]);
            float value = value(kept[i]);
            if (age < 0 || age > previousAge) {
                throw new IllegalArgumentException(field + "[" + i + "] must be added at or before the last tick "
                        + lastTick + " and not before the previous entry: tick " + tick(kept[i]));
            }
            if (!(value > FLOOR && value < previousValue) || Float.isInfinite(value)) {
                throw new IllegalArgumentException(field + "[" + i + "] must hold a finite score above " + FLOOR
                        + " and below the previous entry's: " + value);
            }
            previousAge = age;
            previousValue = value;
        }
    }

    /** Sets the state as {@link #entries()} and {@link #lastTick()} gave it; {@link #check} them first. */
    void restore(long[] kept, int tick) {
        check("entries", kept, tick);
        System.arraycopy(kept, 0, entries, 0, kept.length);
        size = kept.length;
        lastTick = tick;
    }

    private static long entry(int tick, float value) {
        return (long) tick << 32 | Float.floatToRawIntBits(value) & VALUE_MASK;
    }

    private static int tick(long entry) {
        return (int) (entry >>> 32);
    }

    private static float value(long entry) {
        return Float.intBitsToFloat((int) entry);
    }
}
