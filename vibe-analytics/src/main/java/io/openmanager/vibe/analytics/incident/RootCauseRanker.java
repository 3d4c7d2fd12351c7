package io.openmanager.vibe.analytics.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks the servers of a {@link DetectedIncident} as root-cause candidates. Two pieces of evidence count:
 * <ol>
 *   <li><b>Onset</b>: a failure shows first where it starts. A server's onset score is
 *       {@code 1 / (1 + lag / tolerance)}, where {@code lag} is the time from the incident's start to the server's
 *       first anomaly: 1 for the earliest servers, 1/2 one tolerance later.</li>
 *   <li><b>Dependencies</b>, when the host declares them (server id to the ids of its upstream servers): a slow
 *       database slows its web tier. A server is <em>explained</em> by an upstream server that is itself anomalous
 *       with an onset no later than the server's first anomaly on a metric that propagates along dependencies (by
 *       default every metric; see {@link Builder#propagating(Set)}) plus the tolerance, unless the server showed an
 *       anomaly on a non-propagating metric before that upstream's onset (its own symptoms came first). An explained
 *       server's score is halved, so an anomalous upstream outranks its dependents when their onsets are close, while a
 *       dependent that went wrong well before its upstream keeps its rank.</li>
 * </ol>
 * Candidates are ordered by score (descending), then onset; at equal score and onset, a server whose first anomalies
 * include a non-propagating metric (a resource symptom, such as saturated network) ranks before one whose first
 * anomalies only propagate (latency alone is more often an effect); then by server id, so rankings are deterministic.
 * With every metric propagating, that rule never applies.
 *
 * <p><b>Lead-lag evidence</b> ({@link #rank(DetectedIncident, SeriesValues)}), when the host can give the series'
 * recent values: two servers are <em>linked</em> when the changes (first differences) of one of their anomalous
 * series correlate at a lag within {@link Builder#leadLag(int, double) maxLag} samples with at least
 * {@code minCorrelation} ({@link LaggedCorrelation}): they moved together, one leading the other by the lag. When at
 * least one pair is linked, a server linked to no other is <em>isolated</em> (typically an unrelated anomaly that
 * happened to fall into the group): its score is halved, and the onset scores count from the earliest onset of a
 * linked server instead of the incident's start. At equal score, onset and symptom kind, a server that leads more of
 * its links ranks first. Without values, or when no pair is linked, the ranking is exactly that of
 * {@link #rank(DetectedIncident)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RootCauseRanker {
    /** The default onset tolerance: one minute. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(1);
    private static final Duration MIN_TOLERANCE = Duration.ofMillis(1);
    private static final Duration MAX_TOLERANCE = Duration.ofMillis(Long.MAX_VALUE);
    /** The default largest lag of lead-lag evidence, in samples: 12 (one minute at 5 s). */
    public static final int DEFAULT_MAX_LAG = 12;
    /** The default correlation of changes at which two servers count as linked. */
    public static final double DEFAULT_MIN_CORRELATION = 0.5;

    private final Map<String, List<String>> upstreams;
    private final long toleranceMillis;
    private final Set<String> propagating;
    private final int maxLag;
    private final double minCorrelation;

    private RootCauseRanker(Builder b) {
        this.upstreams = b.upstreams;
        this.toleranceMillis = b.tolerance.toMillis();
        this.propagating = b.propagating;
        this.maxLag = b.maxLag;
        this.minCorrelation = b.minCorrelation;
    }

    /** A ranker without dependencies and with the default tolerance: onsets alone. */
    public static RootCauseRanker onsetOnly() {
        return builder().build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Ranks the servers of an incident, likeliest root cause first.
     *
     * @return one candidate per server of the incident; never empty
     */
    public List<RootCauseCandidate> rank(DetectedIncident incident) {
        Objects.requireNonNull(incident, "incident must not be null");
        return rankWith(incident, Map.of());
    }

    /**
     * Ranks the servers of an incident with lead-lag evidence from the series' recent values (see the class
     * description).
     *
     * @param values the values of the incident's series, each the same length and step
     * @return one candidate per server of the incident; never empty
     * @throws IllegalArgumentException if two series of the incident differ in length
     */
    public List<RootCauseCandidate> rank(DetectedIncident incident, SeriesValues values) {
        Objects.requireNonNull(incident, "incident must not be null");
        Objects.requireNonNull(values, "values must not be null");
        return rankWith(incident, links(incident, values));
    }

    private List<RootCauseCandidate> rankWith(DetectedIncident incident, Map<String, List<Link>> links) {
        Map<String, Instant> onsets = new LinkedHashMap<>();
        for (DetectedIncident.Onset onset : incident.onsets()) {
            onsets.putIfAbsent(onset.serverId(), onset.at());
        }
        Instant start = incident.start();
        boolean anyLinked = false;
        for (List<Link> own : links.values()) {
            anyLinked |= !own.isEmpty();
        }
        if (anyLinked) {
            for (Map.Entry<String, Instant> e : onsets.entrySet()) {
                if (!links.getOrDefault(e.getKey(), List.of()).isEmpty()) {
                    start = e.getValue(); // onsets are in time order: the first linked server's
                    break;
                }
            }
        }
        List<Ranked> candidates = new ArrayList<>(onsets.size());
        for (Map.Entry<String, Instant> e : onsets.entrySet()) {
            String server = e.getKey();
            Instant onset = e.getValue();
            List<String> evidence = new ArrayList<>();
            long lag = Math.max(0, Duration.between(start, onset).toMillis());
            double score = 1.0 / (1.0 + (double) lag / toleranceMillis);
            evidence.add(lag == 0 ? "earliest onset (" + onset + ")"
                    : "onset " + Duration.ofMillis(lag).toSeconds() + " s after the incident started (" + onset + ")");
            String explainedBy = explainedBy(server, onset, onsets, incident);
            if (explainedBy != null) {
                score /= 2;
                long before = Duration.between(onsets.get(explainedBy), onset).toSeconds();
                evidence.add("depends on anomalous " + explainedBy + " (onset "
                        + (before >= 0 ? before + " s earlier" : -before + " s later") + ")");
            }
            List<String> dependents = dependentsExplained(server, onsets, incident);
            if (!dependents.isEmpty()) {
                evidence.add("upstream of anomalous " + String.join(", ", dependents));
            }
            boolean causeLike = startsWithOwnSymptom(server, onset, incident);
            if (causeLike && !propagating.isEmpty()) {
                evidence.add("first anomalies include a non-propagating metric");
            }
            int leads = 0;
            List<Link> own = links.get(server);
            if (anyLinked && own != null) {
                if (own.isEmpty()) {
                    score /= 2;
                    evidence.add("isolated: its changes do not follow or lead any other server's within "
                            + maxLag + " samples");
                } else {
                    for (Link link : own) {
                        leads += Integer.signum(link.lag);
                        evidence.add(link.describe());
                    }
                }
            }
            candidates.add(new Ranked(new RootCauseCandidate(server, score, onset, evidence), causeLike, leads));
        }
        candidates.sort(Ranked.ORDER);
        return candidates.stream().map(Ranked::candidate).toList();
    }

    /** A lead-lag link of one server to another: {@code lag > 0} when this server leads. */
    private record Link(String other, String metric, String otherMetric, int lag, double correlation) {
        String describe() {
            int samples = Math.abs(lag);
            String by = " by " + samples + (samples == 1 ? " sample" : " samples");
            String how = lag > 0 ? "leads " + other + by : lag < 0 ? "follows " + other + by : "moves with " + other;
            return how + " (" + metric + " / " + otherMetric + ", r " + String.format(Locale.ROOT, "%.2f",
                    correlation) + ")";
        }
    }

    /**
     * The links of every server that has values: an empty list for a server linked to no other; servers without values
     * are absent.
     */
    private Map<String, List<Link>> links(DetectedIncident incident, SeriesValues values) {
        List<String> servers = incident.servers();
        Map<String, List<String>> metrics = new LinkedHashMap<>();
        Map<String, double[]> changes = new HashMap<>();
        int length = -1;
        for (DetectedIncident.Onset onset : incident.onsets()) {
            double[] raw = Objects.requireNonNull(values.values(onset.serverId(), onset.metric()),
                    () -> "values of " + onset.serverId() + "/" + onset.metric() + " must not be null");
            if (raw.length == 0) {
                continue;
            }
            if (length >= 0 && raw.length != length) {
                throw new IllegalArgumentException("values of " + onset.serverId() + "/" + onset.metric() + " have "
                        + raw.length + " samples, other series " + length);
            }
            length = raw.length;
            double[] diff = differences(raw);
            if (diff != null) {
                changes.put(onset.serverId() + '/' + onset.metric(), diff);
                metrics.computeIfAbsent(onset.serverId(), k -> new ArrayList<>()).add(onset.metric());
            }
        }
        Map<String, List<Link>> links = new LinkedHashMap<>();
        for (String server : metrics.keySet()) {
            links.put(server, new ArrayList<>());
        }
        for (int i = 0; i < servers.size(); i++) {
            for (int j = i + 1; j < servers.size(); j++) {
                String a = servers.get(i);
                String b = servers.get(j);
                Link best = null;
                for (String ma : metrics.getOrDefault(a, List.of())) {
                    for (String mb : metrics.getOrDefault(b, List.of())) {
                        Optional<LaggedCorrelation> c = LaggedCorrelation.best(changes.get(a + '/' + ma),
                                changes.get(b + '/' + mb), maxLag);
                        if (c.isPresent() && c.get().correlation() >= minCorrelation
                                && (best == null || c.get().correlation() > best.correlation)) {
                            // x = a leads y = b when a's change at t meets b's at t + lag, lag > 0
                            best = new Link(b, ma, mb, c.get().lag(), c.get().correlation());
                        }
                    }
                }
                if (best != null) {
                    links.get(a).add(best);
                    links.get(b).add(new Link(a, best.otherMetric, best.metric,
                            -best.lag, best.correlation));
                }
            }
        }
        return links;
    }

    /** First differences with missing values carried forward; null if fewer than two finite values. */
    private static double[] differences(double[] raw) {
        double last = Double.NaN;
        int finite = 0;
        double[] filled = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (Double.isFinite(raw[i])) {
                last = raw[i];
                finite++;
            }
            filled[i] = last;
        }
        if (finite < 2) {
            return null;
        }
        double first = Double.NaN;
        for (double v : filled) {
            if (!Double.isNaN(v)) {
                first = v;
                break;
            }
        }
        double[] diff = new double[raw.length - 1];
        double previous = Double.isNaN(filled[0]) ? first : filled[0];
        for (int i = 1; i < raw.length; i++) {
            double v = Double.isNaN(filled[i]) ? first : filled[i];
            diff[i - 1] = v - previous;
            previous = v;
        }
        return diff;
    }

    /** A candidate with the tie-breaker that is not part of the public record. */
    private record Ranked(RootCauseCandidate candidate, boolean causeLike, int leads) {
        static final Comparator<Ranked> ORDER = Comparator
                .comparingDouble((Ranked r) -> r.candidate.score()).reversed()
                .thenComparing(r -> r.candidate.onset())
                .thenComparing(r -> !r.causeLike)
                .thenComparing(r -> -r.leads)
                .thenComparing(r -> r.candidate.serverId());
    }

    /** Whether the server's anomalies at its onset include a non-propagating metric. */
    private boolean startsWithOwnSymptom(String server, Instant onset, DetectedIncident incident) {
        if (propagating.isEmpty()) {
            return false;
        }
        for (DetectedIncident.Onset o : incident.onsetsOf(server)) {
            if (o.at().equals(onset) && !propagating.contains(o.metric())) {
                return true;
            }
        }
        return false;
    }

    /** The earliest anomalous upstream that explains {@code server}, or null. */
    private String explainedBy(String server, Instant onset, Map<String, Instant> onsets, DetectedIncident incident) {
        long firstPropagating = Long.MAX_VALUE;
        long firstOwn = Long.MAX_VALUE;
        for (DetectedIncident.Onset o : incident.onsetsOf(server)) {
            long t = o.at().toEpochMilli();
            if (propagating.isEmpty() || propagating.contains(o.metric())) {
                firstPropagating = Math.min(firstPropagating, t);
            } else {
                firstOwn = Math.min(firstOwn, t);
            }
        }
        if (firstPropagating == Long.MAX_VALUE) {
            return null;
        }
        String best = null;
        for (String upstream : upstreams.getOrDefault(server, List.of())) {
            Instant upstreamOnset = onsets.get(upstream);
            if (upstreamOnset == null) {
                continue;
            }
            long u = upstreamOnset.toEpochMilli();
            if (u <= firstPropagating + toleranceMillis && u <= firstOwn
                    && (best == null || upstreamOnset.isBefore(onsets.get(best)))) {
                best = upstream;
            }
        }
        return best;
    }

    private List<String> dependentsExplained(String server, Map<String, Instant> onsets, DetectedIncident incident) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Instant> e : onsets.entrySet()) {
            if (server.equals(explainedBy(e.getKey(), e.getValue(), onsets, incident))) {
                result.add(e.getKey());
            }
        }
        return result;
    }

    /** Builds a {@link RootCauseRanker}. Defaults: no dependencies, tolerance one minute, every metric propagates. */
    public static final class Builder {
        private Map<String, List<String>> upstreams = Map.of();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Set<String> propagating = Set.of();
        private int maxLag = DEFAULT_MAX_LAG;
        private double minCorrelation = DEFAULT_MIN_CORRELATION;

        private Builder() {
        }

        /**
         * Lead-lag evidence: the largest lag tried, in samples of the {@link SeriesValues} (default 12), and the
         * correlation of changes at which two servers count as linked (default 0.5).
         *
         * @throws IllegalArgumentException if {@code maxLag < 0} or {@code minCorrelation} is not in (0, 1]
         */
        public Builder leadLag(int maxLag, double minCorrelation) {
            if (maxLag < 0) {
                throw new IllegalArgumentException("maxLag must be >= 0: " + maxLag);
            }
            if (!(minCorrelation > 0 && minCorrelation <= 1)) {
                throw new IllegalArgumentException("minCorrelation must be in (0, 1]: " + minCorrelation);
            }
            this.maxLag = maxLag;
            this.minCorrelation = minCorrelation;
            return this;
        }

        /**
         * The declared dependencies: server id to the ids of the servers it depends on (its upstreams), like
         * {@code SimulationEngine.dependencies()} keyed by id instead of hostname.
         *
         * @throws IllegalArgumentException if a server depends on itself
         */
        public Builder dependencies(Map<String, List<String>> value) {
            Objects.requireNonNull(value, "dependencies must not be null");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            value.forEach((server, ups) -> {
                Objects.requireNonNull(server, "dependencies: server id must not be null");
                Objects.requireNonNull(ups, () -> "dependencies of '" + server + "' must not be null");
                for (String up : ups) {
                    Objects.requireNonNull(up, () -> "dependencies of '" + server + "' contain null");
                    if (up.equals(server)) {
                        throw new IllegalArgumentException("dependencies of '" + server
                                + "': a server cannot depend on itself");
                    }
                }
                copy.put(server, List.copyOf(ups));
            });
            upstreams = Map.copyOf(copy);
            return this;
        }

        /**
         * How close onsets must be for an anomalous upstream to explain its dependent, and the scale of the onset
         * score.
         *
         * @param value at least one millisecond (the ranker works in whole milliseconds)
         * @throws IllegalArgumentException if shorter than one millisecond or too long to count in milliseconds
         */
        public Builder tolerance(Duration value) {
            Objects.requireNonNull(value, "tolerance must not be null");
            if (value.compareTo(MIN_TOLERANCE) < 0) {
                throw new IllegalArgumentException("tolerance must be at least 1 ms: " + value);
            }
            if (value.compareTo(MAX_TOLERANCE) > 0) {
                throw new IllegalArgumentException("tolerance is too long to count in milliseconds: " + value);
            }
            tolerance = value;
            return this;
        }

        /**
         * The metrics through which a failure propagates along dependencies (for the simulator, {@code response_time}:
         * a slow upstream slows its dependents). A dependent is explained by an upstream only if it has an anomaly on
         * one of these metrics. Empty (the default) means every metric.
         */
        public Builder propagating(Set<String> metrics) {
            Objects.requireNonNull(metrics, "metrics must not be null");
            propagating = Set.copyOf(metrics);
            return this;
        }

        /** Builds the ranker. */
        public RootCauseRanker build() {
            return new RootCauseRanker(this);
        }
    }
}
