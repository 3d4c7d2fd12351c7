package io.openmanager.vibe.analytics.detect;

/**
 * The maximum of the last {@code span} values, or 0 when none of them is positive, in amortised O(1): a monotonic
 * deque of the positive values on preallocated rings. Values <= 0 (the default detector's usual score of zero)
 * never enter the deque, so adding one only advances the window.
 */
final class SlidingMax {
    final long[] index;
    final double[] value;
    int head;
    int size;
    long count;
    private final int span;

    SlidingMax(int span) {
        this.span = span;
        index = new long[span + 1];
        value = new double[span + 1];
    }

    /** The maximum of the previous {@code span} values, 0 if none is positive. */
    double max() {
        return size == 0 ? 0.0 : value[head];
    }

    void add(double v) {
        if (v > 0.0 || size > 0) {
            push(v);
        } else {
            count++;                                    // the usual case, kept small enough to inline
        }
    }

    private void push(double v) {
        int cap = index.length;
        if (v > 0.0) {
            while (size > 0) {
                int tail = head + size - 1;
                tail = tail >= cap ? tail - cap : tail;
                if (value[tail] > v) {
                    break;
                }
                size--;
            }
            int at = head + size;
            at = at >= cap ? at - cap : at;
            index[at] = count;
            value[at] = v;
            size++;
        }
        count++;
        // Drop what falls out of the window for the next query.
        while (size > 0 && index[head] <= count - 1 - span) {
            head = head + 1 == cap ? 0 : head + 1;
            size--;
        }
    }
}
