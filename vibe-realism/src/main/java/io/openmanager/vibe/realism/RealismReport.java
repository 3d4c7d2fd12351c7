package io.openmanager.vibe.realism;

import java.util.List;
import java.util.Locale;

/**
 * How a simulated fleet compares with reference traces: the statistics of the realism table and a discriminator's
 * score per metric.
 *
 * @param rows            one per {@link Statistic}
 * @param discriminations one per metric measured (CPU, network, memory)
 * @param referenceSeries number of reference series read
 * @param simulatedSeries number of simulated series
 */
public record RealismReport(List<Row> rows, List<Discrimination> discriminations, int referenceSeries,
                            int simulatedSeries) {

    /** Copies the lists. */
    public RealismReport {
        rows = List.copyOf(rows);
        discriminations = List.copyOf(discriminations);
    }

    /**
     * One statistic: its summary over the reference servers, their spread, and its summary over simulated servers.
     *
     * @param statistic        the statistic
     * @param reference        summary over reference servers (median, or mean for a share of servers); NaN if none
     * @param referenceLow     25th percentile over reference servers (for a share of servers: the summary itself)
     * @param referenceHigh    75th percentile over reference servers
     * @param referenceServers reference servers with a value
     * @param simulated        summary over simulated servers
     * @param simulatedServers simulated servers with a value
     */
    public record Row(Statistic statistic, double reference, double referenceLow, double referenceHigh,
                      int referenceServers, double simulated, int simulatedServers) {
        /** Whether the simulated summary lies within the reference servers' interquartile range. */
        public boolean inside() {
            return simulated >= referenceLow && simulated <= referenceHigh;
        }
    }

    /**
     * A discriminator's score for one metric.
     *
     * @param metric           the metric ({@link TraceMetric#NETWORK_IN} stands for network in and out together)
     * @param auc              cross-validated ROC AUC; 0.5 = indistinguishable; NaN when too few series
     * @param realWindows      one-day reference windows used
     * @param simulatedWindows one-day simulated windows used
     */
    public record Discrimination(TraceMetric metric, double auc, int realWindows, int simulatedWindows) {
        /** {@code cpu}, {@code network} or {@code memory}. */
        public String name() {
            return metric == TraceMetric.NETWORK_IN ? "network" : metric.label();
        }
    }

    /** The AUC of a metric's discrimination, NaN when it was not measured. */
    public double auc(TraceMetric metric) {
        for (Discrimination d : discriminations) {
            if (d.metric() == metric) {
                return d.auc();
            }
        }
        return Double.NaN;
    }

    /** The row of a statistic. */
    public Row row(Statistic statistic) {
        for (Row row : rows) {
            if (row.statistic() == statistic) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row for " + statistic);
    }

    /** The report as a plain-text table. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-52s %10s %19s %10s %s%n", "statistic (median over servers)",
                "reference", "reference p25-p75", "simulated", "inside"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-52s %10s %19s %10s %s%n", r.statistic().description(),
                    number(r.reference()), number(r.referenceLow()) + " - " + number(r.referenceHigh()),
                    number(r.simulated()), Double.isNaN(r.reference()) || Double.isNaN(r.simulated()) ? "n/a"
                            : (r.inside() ? "yes" : "NO")));
        }
        out.append(String.format(Locale.ROOT, "%nDiscriminator (random forest, cross-validated over servers, one-day"
                + " windows): AUC 0.5 = indistinguishable, 1.0 = always told apart%n"));
        for (Discrimination d : discriminations) {
            out.append(String.format(Locale.ROOT, "  %-8s AUC %s  (%d real, %d simulated windows)%n", d.name(),
                    Double.isNaN(d.auc()) ? "n/a" : String.format(Locale.ROOT, "%.3f", d.auc()), d.realWindows(),
                    d.simulatedWindows()));
        }
        out.append(String.format(Locale.ROOT, "Series: %d reference, %d simulated%n", referenceSeries,
                simulatedSeries));
        return out.toString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a >= 100_000) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
