package io.openmanager.vibe.realism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The features a discriminator sees of a one-day window of one series: its distribution, texture and daily shape.
 * For percentages (CPU, memory) levels count; for network traffic, whose unit differs between sources, every feature
 * is unit-free (values are divided by the window's median, or mean when the median is 0).
 */
final class WindowFeatures {
    /** A window is used when at least this share of its values is present. */
    static final double MIN_PRESENT = 0.9;

    private static final String[] LEVEL_NAMES = {"mean", "p05", "p25", "p50", "p75", "p95", "max", "sd", "idle",
        "saturated"};
    private static final String[] SHAPE_NAMES = {"cv", "skew", "kurtosis", "p05_rel", "p25_rel", "p75_rel",
        "p95_rel", "p99_rel", "max_rel", "ac1", "ac_1h", "change_ac1", "change_sd_rel", "change_kurtosis",
        "largest_jump", "hour_share", "zeros", "top_hour_rel"};

    private WindowFeatures() {
    }

    /** Feature names for a metric, in the order of {@link #of}. */
    static String[] names(TraceMetric metric) {
        List<String> names = new ArrayList<>();
        if (levelsCount(metric)) {
            names.addAll(Arrays.asList(LEVEL_NAMES));
        }
        names.addAll(Arrays.asList(SHAPE_NAMES));
        return names.toArray(new String[0]);
    }

    static boolean levelsCount(TraceMetric metric) {
        return metric == TraceMetric.CPU || metric == TraceMetric.MEMORY;
    }

    /** One-day windows of a trace, each {@code values[from, from + perDay)}; windows with too many gaps left out. */
    static List<double[]> windows(Trace trace) {
        int perDay = (int) (86_400_000L / trace.stepMillis());
        List<double[]> result = new ArrayList<>();
        double[] x = trace.values();
        for (int from = 0; from + perDay <= x.length; from += perDay) {
            double[] w = Arrays.copyOfRange(x, from, from + perDay);
            int present = 0;
            for (double v : w) {
                present += Double.isNaN(v) ? 0 : 1;
            }
            if (present >= MIN_PRESENT * perDay) {
                result.add(w);
            }
        }
        return result;
    }

    /** The features of a window; may contain NaN (replaced by 0 by the caller with an indicator-free model). */
    static double[] of(TraceMetric metric, double[] window) {
        double[] sorted = Moments.present(window, 0, window.length);
        Arrays.sort(sorted);
        List<Double> f = new ArrayList<>();
        double mean = Moments.mean(window);
        double sd = Moments.sd(window);
        double median = Moments.sortedQuantile(sorted, 0.5);
        if (levelsCount(metric)) {
            f.add(mean);
            f.add(Moments.sortedQuantile(sorted, 0.05));
            f.add(Moments.sortedQuantile(sorted, 0.25));
            f.add(median);
            f.add(Moments.sortedQuantile(sorted, 0.75));
            f.add(Moments.sortedQuantile(sorted, 0.95));
            f.add(sorted[sorted.length - 1]);
            f.add(sd);
            f.add(Moments.share(window, 1.0, true));
            f.add(Moments.share(window, 95.0, false));
        }
        double scale = median > 0 ? median : (mean > 0 ? mean : 1);
        f.add(mean > 0 ? sd / mean : 0);
        f.add(Moments.skew(window));
        f.add(Moments.kurtosis(window));
        for (double q : new double[] {0.05, 0.25, 0.75, 0.95, 0.99}) {
            f.add(Moments.sortedQuantile(sorted, q) / scale);
        }
        f.add(sorted[sorted.length - 1] / scale);
        int perHour = Math.max(1, window.length / 24);
        f.add(Moments.autocorrelation(window, 1));
        f.add(Moments.autocorrelation(window, perHour));
        double[] changes = Moments.changes(window);
        f.add(Moments.autocorrelation(changes, 1));
        double changeSd = Moments.sd(changes);
        f.add(sd > 0 ? changeSd / sd : 0);
        f.add(Moments.kurtosis(changes));
        f.add(sd > 0 ? Moments.maxAbs(changes) / sd : 0);
        int[] hour = new int[window.length];
        for (int i = 0; i < hour.length; i++) {
            hour[i] = Math.min(23, i / perHour);
        }
        f.add(Moments.explainedShare(window, hour, 24));
        f.add(Moments.share(window, 0.0, true));
        f.add(topHour(window, perHour) / scale);
        double[] out = new double[f.size()];
        for (int i = 0; i < out.length; i++) {
            double v = f.get(i);
            out[i] = Double.isFinite(v) ? v : 0;
        }
        return out;
    }

    /** The highest hourly mean of the window. */
    private static double topHour(double[] window, int perHour) {
        double top = Double.NaN;
        for (int h = 0; h * perHour < window.length; h++) {
            double m = Moments.mean(Arrays.copyOfRange(window, h * perHour, Math.min(window.length,
                    (h + 1) * perHour)));
            if (!Double.isNaN(m) && !(m <= top)) {
                top = m;
            }
        }
        return top;
    }
}
