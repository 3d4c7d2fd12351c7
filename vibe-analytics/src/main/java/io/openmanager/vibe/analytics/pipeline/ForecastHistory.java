package io.openmanager.vibe.analytics.pipeline;

/**
 * One series' downsampled history: values averaged per epoch-aligned bucket of the resolution, the last
 * {@code capacity} bucket means in a ring of floats (floats halve the memory; a mean's 7 significant digits are plenty
 * for forecasting). A bucket without a finite value is stored as NaN, a gap the forecasters interpolate. Values of an
 * earlier bucket than the open one (out of order) are ignored. Allocation-free after construction.
 */
final class ForecastHistory {
    private static final long NONE = Long.MIN_VALUE;

    private final float[] ring;
    private int head;
    private int size;
    private int finitePoints;
    private long openBucket = NONE;
    private double sum;
    private int count;
    private double lastFinite = Double.NaN;

    ForecastHistory(int capacity) {
        this.ring = new float[capacity];
    }

    /**
     * Adds a value of bucket {@code bucket}.
     *
     * @return the number of buckets closed by this value (0 while the bucket stays open)
     */
    long add(long bucket, double value) {
        long closed = 0;
        if (openBucket == NONE) {
            openBucket = bucket;
        } else if (bucket != openBucket) {
            if (bucket < openBucket) {
                return 0;
            }
            closed = bucket - openBucket;
            push(count > 0 ? sum / count : Double.NaN);
            long gaps = Math.min(closed - 1, ring.length);
            for (long i = 0; i < gaps; i++) {
                push(Double.NaN);
            }
            openBucket = bucket;
            sum = 0;
            count = 0;
        }
        if (Double.isFinite(value)) {
            sum += value;
            count++;
        }
        return closed;
    }

    private void push(double mean) {
        if (size == ring.length && Float.isFinite(ring[head])) {
            finitePoints--;
        }
        float stored = (float) mean;
        ring[head] = stored;
        head = head + 1 == ring.length ? 0 : head + 1;
        if (size < ring.length) {
            size++;
        }
        if (Float.isFinite(stored)) {
            finitePoints++;
            lastFinite = mean;
        } else if (finitePoints == 0) {
            // The newest finite point scrolled out: nothing left to forecast from.
            lastFinite = Double.NaN;
        }
    }

    /** The bucket of the newest closed point: the open bucket minus one. */
    long lastClosedBucket() {
        return openBucket - 1;
    }

    /** Closed points held. */
    int size() {
        return size;
    }

    /** The newest finite closed point still held, or NaN when the ring holds none. */
    double lastFinite() {
        return lastFinite;
    }

    /** Closed points held that are finite (not gaps). */
    int finitePoints() {
        return finitePoints;
    }

    /** The closed points, oldest first, in a new array. */
    double[] toArray() {
        double[] out = new double[size];
        int start = head - size;
        if (start < 0) {
            start += ring.length;
        }
        for (int i = 0; i < size; i++) {
            int j = start + i;
            out[i] = ring[j >= ring.length ? j - ring.length : j];
        }
        return out;
    }
}
