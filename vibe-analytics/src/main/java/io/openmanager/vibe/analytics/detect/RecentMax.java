package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

/**
 * The maximum of the last {@code span} values (values >= 0; 0 before any) in under 100 bytes whatever the span: a
 * monotonic deque (each value of the window that is greater than every later one, oldest first) capped at
 * {@value #CAPACITY} entries. Values up to {@link #FLOOR} are not kept: the maximum is exact above it, and 0 when no
 * kept value is in the window. When a new value would make one entry too many, the second newest kept entry is
 * dropped: the maximum stays exact until that entry would have become the maximum, and is then the next kept value,
 * which is smaller (the default detector's suppression damps a little less in that case; on the NAB subset a deque
 * of 6 and an exact window of 300 score the same).
 *
 * <p>An entry is one {@code long}: the value's index (the low 32 bits of the count of values added, compared
 * modulo 2^32, so {@code span} must be below 2^31) and the value rounded to a float.
 */
final class RecentMax {
    /** Entries kept. */
    static final int CAPACITY = 6;
    /**
     * Values at or below this are not kept. For the default detector's raw scores 0.1 is a surprise of 1.3 (a
     * one-in-20 event): such a score could only damp later scores below 0.11, far under any alarm threshold, and
     * leaving them out keeps the deque's data-dependent branches off the common path (the NAB scores are the same
     * with 0 and 0.1).
     */
    static final double FLOOR = 0.1;
    private static final long VALUE_MASK = 0xFFFF_FFFFL;

    private final int span;
    private final long[] entries = new long[CAPACITY];
    private int size;
    private int count;

    RecentMax(int span) {
        if (span < 1) {
            throw new IllegalArgumentException("span must be >= 1: " + span);
        }
        this.span = span;
    }

    /** The maximum of the previous {@code span} values if it is above {@link #FLOOR}, else 0. */
    double max() {
        while (size > 0 && count - index(entries[0]) > span) {
            System.arraycopy(entries, 1, entries, 0, --size);
        }
        return size > 0 ? value(entries[0]) : 0.0;
    }

    void add(double v) {
        int at = count++;
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
        entries[size++] = entry(at, f);
    }

    /** Values added so far, modulo 2^32. */
    int count() {
        return count;
    }

    /** The kept entries, oldest first (for snapshots). */
    long[] entries() {
        return Arrays.copyOf(entries, size);
    }

    /**
     * Checks entries as {@link #entries()} and {@link #count()} give them, for a snapshot named {@code field}: at most
     * {@value #CAPACITY}, each for a value added before {@code addedCount} (oldest first), with values finite, above
     * {@link #FLOOR} and falling.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static void check(String field, long[] kept, int addedCount) {
        if (kept.length > CAPACITY) {
            throw new IllegalArgumentException(field + " holds at most " + CAPACITY + " entries: " + kept.length);
        }
        int previousAge = Integer.MAX_VALUE;
        float previousValue = Float.POSITIVE_INFINITY;
        for (int i = 0; i < kept.length; i++) {
            int age = addedCount - index(kept[i]);
            float value = value(kept[i]);
            if (age <= 0 || age >= previousAge) {
                throw new IllegalArgumentException(field + "[" + i + "] must be for a value added before the count "
                        + addedCount + " and after the previous entry: index " + index(kept[i]));
            }
            if (!(value > FLOOR && value < previousValue) || Float.isInfinite(value)) {
                throw new IllegalArgumentException(field + "[" + i + "] must hold a finite score above " + FLOOR
                        + " and below the previous entry's: " + value);
            }
            previousAge = age;
            previousValue = value;
        }
    }

    /**
     * Sets the state as {@link #entries()} and {@link #count()} gave it; {@link #check} them first.
     */
    void restore(long[] kept, int addedCount) {
        check("entries", kept, addedCount);
        System.arraycopy(kept, 0, entries, 0, kept.length);
        size = kept.length;
        count = addedCount;
    }

    private static long entry(int index, float value) {
        return (long) index << 32 | Float.floatToRawIntBits(value) & VALUE_MASK;
    }

    private static int index(long entry) {
        return (int) (entry >>> 32);
    }

    private static float value(long entry) {
        return Float.intBitsToFloat((int) entry);
    }
}
