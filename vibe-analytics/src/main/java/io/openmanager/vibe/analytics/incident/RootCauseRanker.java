package io.openmanager.vibe.analytics.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * With every metric propagating, that rule never applies. Instances are immutable and thread-safe.
 */
public final class RootCauseRanker {
    /** The default onset tolerance: one minute. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(1);


    private final Map<String, List<String>> upstreams;
    private final long toleranceMillis;
    private final Set<String> propagating;

    private RootCauseRanker(Builder b) {
        this.upstreams = b.upstreams;
        this.toleranceMillis = b.tolerance.toMillis();
        this.propagating = b.propagating;
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
        Map<String, Instant> onsets = new LinkedHashMap<>();
        for (DetectedIncident.Onset onset : incident.onsets()) {
            onsets.putIfAbsent(onset.serverId(), onset.at());
        }
        List<Ranked> candidates = new ArrayList<>(onsets.size());
        for (Map.Entry<String, Instant> e : onsets.entrySet()) {
            String server = e.getKey();
            Instant onset = e.getValue();
            List<String> evidence = new ArrayList<>();
            long lag = Duration.between(incident.start(), onset).toMillis();
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
            candidates.add(new Ranked(new RootCauseCandidate(server, score, onset, evidence), causeLike));
        }
        candidates.sort(Ranked.ORDER);
        return candidates.stream().map(Ranked::candidate).toList();
    }

    /** A candidate with the tie-breaker that is not part of the public record. */
    private record Ranked(RootCauseCandidate candidate, boolean causeLike) {
        static final Comparator<Ranked> ORDER = Comparator
                .comparingDouble((Ranked r) -> r.candidate.score()).reversed()
                .thenComparing(r -> r.candidate.onset())
                .thenComparing(r -> !r.causeLike)
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

        private Builder() {
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
         * @throws IllegalArgumentException if not positive
         */
        public Builder tolerance(Duration value) {
            Objects.requireNonNull(value, "tolerance must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("tolerance must be positive: " + value);
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
