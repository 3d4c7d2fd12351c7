package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;

/** Every method but {@link Method#AUTO}; fallbacks as documented on {@link Method}. */
final class SimpleForecaster implements Forecaster {
    static final int MIN_HOLT = 4;
    /** Seasons the seasonal median takes: 7 of a daily period, 3 of the longer one when there are two. */
    static final int DAYS_OF_MEDIAN = 7;
    static final int WEEKS_OF_MEDIAN = 3;

    private final Method method;
    private final int period;
    private final int window;

    SimpleForecaster(Method method, int period, int window) {
        this.method = method;
        this.period = period;
        this.window = window;
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public FittedModel fit(double[] values, Duration step) {
        double[] y = Series.clean(values);
        if (y.length == 0) {
            return Fitted.empty(method.cliName());
        }
        if (multiSeasonal(method)) {
            return fitMulti(method, y, Periods.multiple(y, step, period));
        }
        int m = period > 0 ? period : (needsPeriod(method) ? Periods.detect(y, step) : 1);
        return fitClean(method, y, m, window);
    }

    static boolean multiSeasonal(Method method) {
        return method == Method.MSTL || method == Method.HARMONIC || method == Method.SEASONAL_MEDIAN;
    }

    /** Fits a multi-seasonal method to a cleaned, non-empty series with its seasonal periods (shortest first). */
    static Fitted fitMulti(Method method, double[] y, int[] periods) {
        String name = method.cliName();
        try {
            switch (method) {
                case MSTL:
                    return MstlModel.fit(y, periods, false, name);
                case HARMONIC:
                    return Harmonics.fit(y, periods, false, name);
                case SEASONAL_MEDIAN:
                    return periods.length == 0 ? Fitted.naive(y, name + " -> naive")
                            : SeasonalMedian.fit(y, periods[periods.length - 1],
                                    periods.length > 1 ? WEEKS_OF_MEDIAN : DAYS_OF_MEDIAN, name);
                default:
                    return fitClean(method, y, periods.length == 0 ? 1 : periods[0], 0);
            }
        } catch (RuntimeException e) {
            return Fitted.naive(y, name + " -> naive (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean needsPeriod(Method method) {
        return method != Method.NAIVE && method != Method.LINEAR && method != Method.HOLT;
    }

    /** Fits a cleaned, non-empty series with a known period. */
    static Fitted fitClean(Method method, double[] y, int m, int window) {
        int n = y.length;
        String name = method.cliName();
        try {
            switch (method) {
                case NAIVE:
                    return Fitted.naive(y, name);
                case SEASONAL_NAIVE:
                    return m > 1 && n >= m ? Fitted.seasonalNaive(y, m, name) : Fitted.naive(y, name + " -> naive");
                case NAIVE2:
                    return Theta.naive2(y, m, name);
                case LINEAR:
                    return n >= 2 ? Fitted.linear(y, window, name) : Fitted.naive(y, name + " -> naive");
                case HOLT:
                    return holt(y, name);
                case HOLT_WINTERS_ADDITIVE:
                case HOLT_WINTERS_MULTIPLICATIVE:
                    if (m < 2 || n / 2 < m) {
                        return holt(y, name + " -> holt");
                    }
                    boolean mul = method == Method.HOLT_WINTERS_MULTIPLICATIVE;
                    if (mul && !Series.allPositive(y)) {
                        mul = false;
                        name += " -> hw-add";
                    }
                    return Ets.fit(y, m, true, mul ? Ets.Season.MULTIPLICATIVE : Ets.Season.ADDITIVE, 0.8, 1.0,
                            name);
                case THETA:
                    return Theta.theta(y, m, name);
                case MSTL:
                case HARMONIC:
                case SEASONAL_MEDIAN:
                    return fitMulti(method, y, m > 1 && m <= n / 2 ? new int[] {m} : new int[0]);
                default:
                    throw new IllegalArgumentException("not a simple method: " + method);
            }
        } catch (RuntimeException e) {
            // No exception escapes for odd data: an unexpected numerical failure degrades to naive.
            return Fitted.naive(y, name + " -> naive (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Fitted holt(double[] y, String name) {
        if (y.length < MIN_HOLT) {
            return Fitted.naive(y, name + " -> naive");
        }
        return Ets.fit(y, 1, true, Ets.Season.NONE, 0.8, 0.98, name);
    }
}
