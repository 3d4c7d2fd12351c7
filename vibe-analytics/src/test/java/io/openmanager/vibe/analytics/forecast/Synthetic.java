package io.openmanager.vibe.analytics.forecast;

/** Seeded synthetic series for the forecasting tests (SplitMix64 noise, Box-Muller normals). */
final class Synthetic {
    private long state;

    Synthetic(long seed) {
        this.state = seed;
    }

    double uniform() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) + 0.5) / (1L << 53);
    }

    double normal() {
        return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    }

    /** level + slope*t + amplitude*sin(2 pi t / period) + sd*N(0,1), for t in [0, n). */
    static double[] cycle(long seed, int n, double level, double slope, double amplitude, int period, double sd) {
        Synthetic r = new Synthetic(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + slope * t + amplitude * Math.sin(2 * Math.PI * t / period) + sd * r.normal();
        }
        return y;
    }

    /** Server-like: CPU % with a daily cycle, a weekday/weekend shape, multiplicative noise and bursts. */
    static double[] serverLike(long seed, int n, int perDay) {
        Synthetic r = new Synthetic(seed);
        double base = 20 + 40 * r.uniform();
        double amp = base * (0.2 + 0.5 * r.uniform());
        double phase = r.uniform() * 2 * Math.PI;
        double slope = (r.uniform() - 0.5) * base / (perDay * 20.0);
        double[] y = new double[n];
        double ar = 0;
        for (int t = 0; t < n; t++) {
            double day = Math.sin(2 * Math.PI * t / perDay + phase);
            double weekend = (t / perDay) % 7 >= 5 ? 0.8 : 1.0;
            ar = 0.7 * ar + r.normal();
            double v = (base + amp * day) * weekend + slope * t + base * 0.05 * ar;
            if (r.uniform() < 0.005) {
                v += base * r.uniform();
            }
            y[t] = Math.max(0.1, v);
        }
        return y;
    }

    static double[] slice(double[] y, int from, int to) {
        return java.util.Arrays.copyOfRange(y, from, to);
    }
}
