package io.openmanager.vibe.analytics.forecast;

/**
 * The non-seasonal part of the decomposition models ({@link Method#MSTL}, {@link Method#HARMONIC}): simple
 * exponential smoothing of the seasonally adjusted series, its smoothing weight fitted on one-step squared error. A
 * damped trend (Holt) was no more accurate on the development benchmark's tuning part and cost 25 times as much.
 */
final class Level {
    private Level() {
    }

    static Fitted fit(double[] x, String description) {
        if (x.length < 3) {
            return Fitted.naive(x, description);
        }
        return Ets.fit(x, 1, false, Ets.Season.NONE, 1, 1, description);
    }
}
