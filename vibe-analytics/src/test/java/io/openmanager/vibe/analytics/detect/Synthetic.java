package io.openmanager.vibe.analytics.detect;

/** Seeded synthetic series for tests: SplitMix64 noise, so every run sees the same values. */
final class Synthetic {
    static final long STEP_MILLIS = 300_000L;
    private long state;

    Synthetic(long seed) {
        state = seed;
    }

    double uniform() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return ((z >>> 11) + 0.5) * 0x1.0p-53;
    }

    double gaussian() {
        return Math.sqrt(-2.0 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    }

    /** Gaussian noise around {@code level} with standard deviation {@code sd}. */
    double[] noise(int n, double level, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level + sd * gaussian();
        }
        return x;
    }

    /** A daily-like cycle of {@code period} values plus noise. */
    double[] seasonal(int n, int period, double level, double amplitude, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level + amplitude * Math.sin(2 * Math.PI * i / period) + sd * gaussian();
        }
        return x;
    }

    static double[] run(AnomalyDetector detector, double[] values) {
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = detector.update(i * STEP_MILLIS, values[i]);
        }
        return scores;
    }

    static double max(double[] scores, int from, int to) {
        double m = 0.0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, scores[i]);
        }
        return m;
    }
}
