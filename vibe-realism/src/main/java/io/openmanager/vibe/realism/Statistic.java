package io.openmanager.vibe.realism;

import java.util.Map;

/**
 * A statistic of a server's series (5-minute steps as a rule), as in the realism table: computed per server, then
 * summarised over servers ({@link #summary()}).
 */
public enum Statistic {
    /** Median CPU, percent. */
    CPU_MEDIAN("CPU median level, %", Summary.MEDIAN),
    /** Share of time at or below 1 % CPU. */
    CPU_SHARE_IDLE("CPU share of time <= 1 %", Summary.MEDIAN),
    /** Whether the server ever reaches 95 % CPU (summarised as the share of servers). */
    CPU_EVER_SATURATED("servers ever >= 95 % CPU (share)", Summary.MEAN),
    /** Skewness of CPU. */
    CPU_SKEW("CPU skew", Summary.MEDIAN),
    /** Excess kurtosis of CPU. */
    CPU_KURTOSIS("CPU excess kurtosis", Summary.MEDIAN),
    /** CPU autocorrelation at one step. */
    CPU_AUTOCORRELATION("CPU lag-1 autocorrelation", Summary.MEDIAN),
    /** Lag-1 autocorrelation of CPU changes: negative for jitter, positive for smooth trends. */
    CPU_CHANGE_AUTOCORRELATION("lag-1 autocorrelation of CPU changes", Summary.MEDIAN),
    /** CPU autocorrelation at 24 hours. */
    CPU_AUTOCORRELATION_DAY("CPU autocorrelation at 24 h", Summary.MEDIAN),
    /** CPU autocorrelation at 7 days. */
    CPU_AUTOCORRELATION_WEEK("CPU autocorrelation at 7 d", Summary.MEDIAN),
    /** Share of CPU variance explained by the hour of day. */
    CPU_HOUR_OF_DAY_SHARE("share of CPU variance explained by hour of day", Summary.MEDIAN),
    /** Excess kurtosis of CPU changes. */
    CPU_CHANGE_KURTOSIS("CPU change kurtosis", Summary.MEDIAN),
    /** Largest one-step CPU change, in standard deviations of the level. */
    CPU_LARGEST_JUMP("largest CPU jump (sd of level)", Summary.MEDIAN),
    /** Network-in 99th over 50th percentile. */
    NETWORK_IN_P99_OVER_P50("network-in p99/p50", Summary.MEDIAN),
    /** Excess kurtosis of network-in changes. */
    NETWORK_IN_CHANGE_KURTOSIS("network-in change kurtosis", Summary.MEDIAN),
    /** Correlation of CPU and memory. */
    CORRELATION_CPU_MEMORY("corr(cpu, mem)", Summary.MEDIAN),
    /** Correlation of CPU and network in. */
    CORRELATION_CPU_NETWORK_IN("corr(cpu, net_in)", Summary.MEDIAN),
    /** Correlation of network in and out. */
    CORRELATION_NETWORK_IN_OUT("corr(net_in, net_out)", Summary.MEDIAN),
    /** Median memory, percent. */
    MEMORY_MEDIAN("memory median level, %", Summary.MEDIAN),
    /** Skewness of memory. */
    MEMORY_SKEW("memory skew", Summary.MEDIAN),
    /** Share of memory variance explained by the hour of day. */
    MEMORY_HOUR_OF_DAY_SHARE("share of memory variance explained by hour of day", Summary.MEDIAN);

    /** How per-server values are summarised over servers. */
    public enum Summary {
        /** The median over servers. */
        MEDIAN,
        /** The mean over servers (of a 0/1 value: the share of servers). */
        MEAN
    }

    private final String description;
    private final Summary summary;

    Statistic(String description, Summary summary) {
        this.description = description;
        this.summary = summary;
    }

    /** What it is, for a table. */
    public String description() {
        return description;
    }

    /** How it is summarised over servers. */
    public Summary summary() {
        return summary;
    }

    /** The value for one server, from its traces by metric (on one grid); NaN when a trace it needs is absent. */
    double of(Map<TraceMetric, Trace> server) {
        Trace cpu = server.get(TraceMetric.CPU);
        Trace memory = server.get(TraceMetric.MEMORY);
        Trace in = server.get(TraceMetric.NETWORK_IN);
        Trace out = server.get(TraceMetric.NETWORK_OUT);
        switch (this) {
            case CORRELATION_CPU_MEMORY:
                return pair(cpu, memory);
            case CORRELATION_CPU_NETWORK_IN:
                return pair(cpu, in);
            case CORRELATION_NETWORK_IN_OUT:
                return pair(in, out);
            case NETWORK_IN_P99_OVER_P50:
                // A median of 0 with traffic above it is an infinite ratio, which counts (it is no missing value).
                return in == null ? Double.NaN : unbounded(Moments.quantile(in.values(), 0.99),
                        Moments.quantile(in.values(), 0.5));
            case NETWORK_IN_CHANGE_KURTOSIS:
                return in == null ? Double.NaN : Moments.kurtosis(Moments.changes(in.values()));
            case MEMORY_MEDIAN:
                return memory == null ? Double.NaN : Moments.quantile(memory.values(), 0.5);
            case MEMORY_SKEW:
                return memory == null ? Double.NaN : Moments.skew(memory.values());
            case MEMORY_HOUR_OF_DAY_SHARE:
                return memory == null ? Double.NaN : hourShare(memory);
            default:
                return cpu == null ? Double.NaN : ofCpu(cpu);
        }
    }

    private double ofCpu(Trace cpu) {
        double[] x = cpu.values();
        int perDay = (int) (86_400_000L / cpu.stepMillis());
        switch (this) {
            case CPU_MEDIAN:
                return Moments.quantile(x, 0.5);
            case CPU_SHARE_IDLE:
                return Moments.share(x, 1.0, true);
            case CPU_EVER_SATURATED:
                return Moments.share(x, 95.0, false) > 0 ? 1 : 0;
            case CPU_SKEW:
                return Moments.skew(x);
            case CPU_KURTOSIS:
                return Moments.kurtosis(x);
            case CPU_AUTOCORRELATION:
                return Moments.autocorrelation(x, 1);
            case CPU_CHANGE_AUTOCORRELATION:
                return Moments.autocorrelation(Moments.changes(x), 1);
            case CPU_AUTOCORRELATION_DAY:
                return x.length > 2 * perDay ? Moments.autocorrelation(x, perDay) : Double.NaN;
            case CPU_AUTOCORRELATION_WEEK:
                return x.length > 8 * perDay ? Moments.autocorrelation(x, 7 * perDay) : Double.NaN;
            case CPU_HOUR_OF_DAY_SHARE:
                return hourShare(cpu);
            case CPU_CHANGE_KURTOSIS:
                return Moments.kurtosis(Moments.changes(x));
            case CPU_LARGEST_JUMP:
                return ratio(Moments.maxAbs(Moments.changes(x)), Moments.sd(x));
            default:
                throw new AssertionError(this);
        }
    }

    private static double pair(Trace a, Trace b) {
        if (a == null || b == null || a.startMillis() != b.startMillis() || a.stepMillis() != b.stepMillis()) {
            return Double.NaN;
        }
        return Moments.correlation(a.values(), b.values());
    }

    private static double unbounded(double a, double b) {
        return b > 0 ? a / b : (a > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    /** Share of variance explained by the UTC hour of day. */
    static double hourShare(Trace trace) {
        double[] x = trace.values();
        int[] hour = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            long millis = trace.startMillis() + i * trace.stepMillis();
            hour[i] = (int) Math.floorMod(millis / 3_600_000L, 24L);
        }
        return Moments.explainedShare(x, hour, 24);
    }
}
