package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;

/** Seasonal period detection; see {@link Forecaster#detectPeriod}. */
final class Periods {
    static final double MIN_ACF = 0.3;
    static final double LONGER_MARGIN = 0.1;
    private static final long[] CANDIDATE_MILLIS = {86_400_000L, 7 * 86_400_000L};

    private Periods() {
    }

    static int detect(double[] y, Duration step) {
        int n = y.length;
        if (n < 4) {
            return 1;
        }
        double[] r = Series.detrend(y);
        int best = 1;
        double bestAcf = MIN_ACF;
        boolean anyCandidate = false;
        long stepMillis = step == null ? 0 : safeMillis(step);
        if (stepMillis > 0) {
            for (long c : CANDIDATE_MILLIS) {
                if (c % stepMillis != 0) {
                    continue;
                }
                long lag = c / stepMillis;
                if (lag < 2 || lag > n / 2) {
                    continue;
                }
                anyCandidate = true;
                double a = Series.acfAt(r, (int) lag);
                double need = best == 1 ? MIN_ACF : bestAcf + LONGER_MARGIN;
                if (a >= need) {
                    best = (int) lag;
                    bestAcf = a;
                }
            }
        }
        if (!anyCandidate) {
            int maxLag = Math.min(n / 3, 2000);
            if (maxLag < 2) {
                return 1;
            }
            double[] acf = Series.acf(r, maxLag);
            for (int lag = 2; lag <= maxLag; lag++) {
                boolean peak = acf[lag] >= acf[lag - 1] && (lag == maxLag || acf[lag] >= acf[lag + 1]);
                double need = best == 1 ? MIN_ACF : bestAcf + LONGER_MARGIN;
                if (peak && acf[lag] >= need) {
                    best = lag;
                    bestAcf = acf[lag];
                }
            }
        }
        return best;
    }

    /**
     * The seasonal periods of the multi-seasonal methods, shortest first: {@code given} alone when above 1 (none when
     * 1), else a day and a week in steps, each kept when it is a whole number of steps, at least 2, and the series
     * holds two of it; without such a candidate, the single detected period. A period longer than half the series is
     * dropped.
     */
    static int[] multiple(double[] y, Duration step, int given) {
        int n = y.length;
        if (given == 1) {
            return new int[0];
        }
        if (given > 1) {
            return given <= n / 2 ? new int[] {given} : new int[0]; // not n >= 2 * given: that overflows
        }
        long stepMillis = step == null ? 0 : safeMillis(step);
        int[] out = new int[CANDIDATE_MILLIS.length];
        int c = 0;
        boolean anyCandidate = false;
        if (stepMillis > 0) {
            for (long candidate : CANDIDATE_MILLIS) {
                if (candidate % stepMillis != 0 || candidate / stepMillis < 2) {
                    continue;
                }
                anyCandidate = true;
                long lag = candidate / stepMillis;
                if (lag <= n / 2 && (c == 0 || lag % out[c - 1] == 0)) {
                    out[c++] = (int) lag;
                }
            }
        }
        if (!anyCandidate) {
            int p = detect(y, step);
            return p > 1 && p <= n / 2 ? new int[] {p} : new int[0];
        }
        return java.util.Arrays.copyOf(out, c);
    }

    private static long safeMillis(Duration step) {
        try {
            return step.toMillis();
        } catch (ArithmeticException e) {
            return 0;
        }
    }
}
