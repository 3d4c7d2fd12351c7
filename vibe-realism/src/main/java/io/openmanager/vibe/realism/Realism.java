package io.openmanager.vibe.realism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares simulated traces with reference traces: the statistics of {@link Statistic} summarised over servers on
 * each side, and for CPU, network (in and out together) and memory the cross-validated AUC of a classifier that tries
 * to tell one-day windows of the two apart.
 *
 * <pre>{@code
 * List<Trace> reference = TraceFiles.read(Path.of("traces"), Duration.ofMinutes(5)).traces();
 * List<Trace> simulated = SimulatedTraces.of(SimulationEngine.builder().seed(42).build(), Duration.ofDays(14),
 *         Duration.ofMinutes(5));
 * RealismReport report = Realism.builder().build().compare(simulated, reference);
 * System.out.print(report.format());
 * }</pre>
 */
public final class Realism {
    private final int folds;
    private final int trees;
    private final int windowsPerSeries;
    private final long seed;

    private Realism(Builder b) {
        this.folds = b.folds;
        this.trees = b.trees;
        this.windowsPerSeries = b.windowsPerSeries;
        this.seed = b.seed;
    }

    /** Starts a builder: 5 folds, 100 trees, at most 7 windows per series, seed 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** Compares; both sides should be on the same step (5 minutes as a rule). */
    public RealismReport compare(List<Trace> simulated, List<Trace> reference) {
        Map<String, Map<TraceMetric, Trace>> simulatedServers = byServer(simulated);
        Map<String, Map<TraceMetric, Trace>> referenceServers = byServer(reference);
        List<RealismReport.Row> rows = new ArrayList<>();
        for (Statistic statistic : Statistic.values()) {
            double[] ref = values(statistic, referenceServers);
            double[] sim = values(statistic, simulatedServers);
            rows.add(new RealismReport.Row(statistic, summary(statistic, ref),
                    statistic.summary() == Statistic.Summary.MEAN ? summary(statistic, ref) : quantile(ref, 0.25),
                    statistic.summary() == Statistic.Summary.MEAN ? summary(statistic, ref) : quantile(ref, 0.75),
                    ref.length, summary(statistic, sim), sim.length));
        }
        Discriminator discriminator = new Discriminator(folds, trees, windowsPerSeries, seed);
        List<RealismReport.Discrimination> scores = new ArrayList<>();
        for (TraceMetric metric : new TraceMetric[] {TraceMetric.CPU, TraceMetric.NETWORK_IN, TraceMetric.MEMORY}) {
            scores.add(discriminator.discriminate(metric, reference, simulated));
        }
        return new RealismReport(rows, scores, reference.size(), simulated.size());
    }

    /** The per-server values of a statistic (servers where it is NaN left out). */
    public static double[] perServer(Statistic statistic, List<Trace> traces) {
        return values(statistic, byServer(traces));
    }

    private static Map<String, Map<TraceMetric, Trace>> byServer(List<Trace> traces) {
        Map<String, Map<TraceMetric, Trace>> result = new LinkedHashMap<>();
        for (Trace t : traces) {
            result.computeIfAbsent(t.source() + "/" + t.server(), k -> new LinkedHashMap<>()).put(t.metric(), t);
        }
        return result;
    }

    private static double[] values(Statistic statistic, Map<String, Map<TraceMetric, Trace>> servers) {
        double[] out = new double[servers.size()];
        int n = 0;
        for (Map<TraceMetric, Trace> server : servers.values()) {
            double v = statistic.of(server);
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static double summary(Statistic statistic, double[] values) {
        return statistic.summary() == Statistic.Summary.MEAN ? Moments.mean(values) : quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        return values.length == 0 ? Double.NaN : Moments.quantile(values, q);
    }

    /** Builds a {@link Realism}. */
    public static final class Builder {
        private int folds = 5;
        private int trees = 100;
        private int windowsPerSeries = 7;
        private long seed = 1;

        private Builder() {
        }

        /** Cross-validation folds, at least 2 (default 5). */
        public Builder folds(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("folds must be >= 2: " + value);
            }
            folds = value;
            return this;
        }

        /** Trees in the random forest, at least 1 (default 100). */
        public Builder trees(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("trees must be >= 1: " + value);
            }
            trees = value;
            return this;
        }

        /**
         * At most this many one-day windows of each series go to the classifier, evenly spread over it (default 7),
         * so that long series do not outweigh short ones and the forest trains in seconds.
         */
        public Builder windowsPerSeries(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("windows per series must be >= 1: " + value);
            }
            windowsPerSeries = value;
            return this;
        }

        /** Seed of the classifier and the folds (default 1). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Builds. */
        public Realism build() {
            return new Realism(this);
        }
    }
}
