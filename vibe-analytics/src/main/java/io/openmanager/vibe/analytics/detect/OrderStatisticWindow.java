package io.openmanager.vibe.analytics.detect;

/**
 * The last {@code capacity} values with O(log w) insertion, eviction and k-th smallest selection: a treap on
 * preallocated arrays whose node ids are the ring-buffer slots. Priorities are a hash of the insertion sequence
 * number, so the structure is a deterministic function of the values inserted (snapshots store only the values).
 */
final class OrderStatisticWindow {
    private static final int NIL = -1;

    private final double[] values;
    private final long[] seq;
    private final int[] priority;
    private final int[] left;
    private final int[] right;
    private final int[] size;
    private int root = NIL;
    private int count;
    private int next;
    private long inserted;

    OrderStatisticWindow(int capacity) {
        values = new double[capacity];
        seq = new long[capacity];
        priority = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        size = new int[capacity];
    }

    int capacity() {
        return values.length;
    }

    int count() {
        return count;
    }

    /** Adds a value, evicting the oldest when full. */
    void add(double value) {
        int slot = next;
        if (count == values.length) {
            root = delete(root, slot);
        } else {
            count++;
        }
        values[slot] = value;
        seq[slot] = inserted;
        priority[slot] = (int) mix(inserted);
        inserted++;
        left[slot] = NIL;
        right[slot] = NIL;
        size[slot] = 1;
        root = insert(root, slot);
        next = slot + 1 == values.length ? 0 : slot + 1;
    }

    /** The k-th smallest value, k in [0, count). */
    double select(int k) {
        int t = root;
        while (true) {
            int ls = left[t] == NIL ? 0 : size[left[t]];
            if (k < ls) {
                t = left[t];
            } else if (k == ls) {
                return values[t];
            } else {
                k -= ls + 1;
                t = right[t];
            }
        }
    }

    /** The q-quantile with linear interpolation between order statistics; count must be > 0. */
    double quantile(double q) {
        double pos = q * (count - 1);
        int lo = (int) pos;
        double frac = pos - lo;
        double a = select(lo);
        if (frac == 0.0 || lo + 1 >= count) {
            return a;
        }
        return a + frac * (select(lo + 1) - a);
    }

    /** The values in insertion order, oldest first (for snapshots). */
    double[] toArrayOldestFirst() {
        double[] out = new double[count];
        int start = count == values.length ? next : 0;
        for (int i = 0; i < count; i++) {
            int s = start + i;
            out[i] = values[s >= values.length ? s - values.length : s];
        }
        return out;
    }

    /** Rebuilds from values oldest first, with the insertion counter of the snapshot. */
    void restore(double[] oldestFirst, long insertedTotal) {
        root = NIL;
        count = 0;
        next = 0;
        inserted = insertedTotal - oldestFirst.length;
        for (double v : oldestFirst) {
            add(v);
        }
        // Keep the ring position consistent with an uninterrupted run: the slot only matters for eviction order,
        // which add() preserves; selection results do not depend on slot numbers.
    }

    long inserted() {
        return inserted;
    }

    private boolean less(int a, int b) {
        return values[a] < values[b] || (values[a] == values[b] && seq[a] < seq[b]);
    }

    private void pull(int t) {
        size[t] = 1 + (left[t] == NIL ? 0 : size[left[t]]) + (right[t] == NIL ? 0 : size[right[t]]);
    }

    private int rotateRight(int t) {
        int l = left[t];
        left[t] = right[l];
        right[l] = t;
        pull(t);
        pull(l);
        return l;
    }

    private int rotateLeft(int t) {
        int r = right[t];
        right[t] = left[r];
        left[r] = t;
        pull(t);
        pull(r);
        return r;
    }

    private int insert(int t, int n) {
        if (t == NIL) {
            return n;
        }
        if (less(n, t)) {
            left[t] = insert(left[t], n);
            pull(t);
            if (priority[left[t]] > priority[t]) {
                t = rotateRight(t);
            }
        } else {
            right[t] = insert(right[t], n);
            pull(t);
            if (priority[right[t]] > priority[t]) {
                t = rotateLeft(t);
            }
        }
        return t;
    }

    private int delete(int t, int n) {
        if (t == n) {
            int l = left[t];
            int r = right[t];
            if (l == NIL) {
                return r;
            }
            if (r == NIL) {
                return l;
            }
            if (priority[l] > priority[r]) {
                t = rotateRight(t);
                right[t] = delete(right[t], n);
            } else {
                t = rotateLeft(t);
                left[t] = delete(left[t], n);
            }
            pull(t);
            return t;
        }
        if (less(n, t)) {
            left[t] = delete(left[t], n);
        } else {
            right[t] = delete(right[t], n);
        }
        pull(t);
        return t;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
