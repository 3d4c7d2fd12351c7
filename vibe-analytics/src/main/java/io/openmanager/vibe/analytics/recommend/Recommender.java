package io.openmanager.vibe.analytics.recommend;

import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.internal.Catalogue;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.core.status.Threshold;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns anomalies, predictions and incidents into {@link Recommendation}s: rule-based advice, each naming its
 * evidence, in English or Korean.
 *
 * <p><b>Rules.</b> The metric chooses the {@link Rule}: {@code disk_usage} {@link Rule#DISK_FILLING},
 * {@code memory_usage} {@link Rule#MEMORY_GROWTH}, {@code cpu_usage} {@link Rule#CPU_SATURATION},
 * {@code network_in} and {@code network_out} {@link Rule#NETWORK_CONGESTION}, and {@code response_time}
 * {@link Rule#SLOW_DATABASE} on a server whose role is {@link Role#DATABASE} in the {@link Builder#fleet(Fleet) fleet}
 * and {@link Rule#SLOW_RESPONSE} on any other. Other metrics raise nothing.
 *
 * <p><b>Evidence and severity.</b>
 * <ul>
 *   <li>An {@link AnomalyEvent} recommends when its value is at or above its metric's warning level in the
 *       {@link Builder#policy(StatusPolicy) status policy}: CRITICAL at the critical level, else WARNING. A value below
 *       the warning level (a drop, or a blip within normal range) recommends nothing. Metrics without a threshold
 *       (network by default) recommend at WARNING.</li>
 *   <li>A {@link PredictionEvent} with probability at or above {@link Builder#minProbability(double)} (default 0.5)
 *       recommends by urgency: the expected crossing within {@link Builder#urgency(Duration, Duration) one hour} is
 *       CRITICAL, within six hours WARNING, later INFO. The recommendation carries the ETA.</li>
 *   <li>An incident ({@link #onIncident(DetectedIncident, List)}) that spans more than one server (a cascade)
 *       recommends at CRITICAL for its top-ranked root-cause candidate, by that server's first anomalous metric (a
 *       resource metric before {@code response_time} at equal onset) among those whose anomalies in the incident
 *       were themselves worth a recommendation (at or above the warning level, as above). So the recommender must
 *       have seen the incident's anomalies: feed it the same anomaly stream as the grouper. A drop, such as a disk
 *       clean-up, never recommends; an incident of one server says nothing its anomalies did not, and recommends
 *       nothing.</li>
 * </ul>
 *
 * <p><b>Deduplication.</b> One recommendation per server and rule for as long as the evidence does not change: within
 * an episode (evidence for the same server and rule no more than the {@link Builder#quietPeriod(Duration) quiet
 * period}, default one hour, apart), a new recommendation is made only for a kind of evidence not yet used in the
 * episode or for a higher severity than that kind already gave (a disk ETA dropping below an hour). A quiet period
 * without evidence ends the episode.
 *
 * <p><b>Use.</b> As a plain API, {@link #onAnomaly}, {@link #onPrediction} and {@link #onIncident} return the new
 * recommendations. As a {@link VibeListener} it consumes anomaly and prediction events (and ignores every other event
 * cheaply, so it can listen to a whole stream); every new recommendation, whichever way it was made, is also published
 * to the {@link Builder#downstream(VibeListener) downstream listener} as a
 * {@link io.openmanager.vibe.spi.event.RecommendationEvent}. For incidents, wire an
 * {@link io.openmanager.vibe.analytics.incident.IncidentGrouper}'s sink:
 * {@code incident -> recommender.onIncident(incident, ranker.rank(incident))}.
 *
 * <p>Output depends only on the inputs and the configuration (the locale defaults to English, never the JVM's).
 * Not thread-safe: feed it from one thread.
 */
public final class Recommender implements VibeListener {
    /** The base name of the message catalogue (properties files in this package). */
    static final String MESSAGES = "io.openmanager.vibe.analytics.recommend.messages";
    private static final int SWEEP_EVERY = 1024;

    private final VibeListener downstream;
    private final Catalogue messages;
    private final Map<String, Role> roles;
    private final StatusPolicy policy;
    private final long criticalMillis;
    private final long warningMillis;
    private final double minProbability;
    private final long quietMillis;
    private final Map<String, String> units;
    private final Map<String, Episode> episodes = new HashMap<>();
    // The last two anomalies worth a recommendation per series (server and metric), for incidents: an incident closes
    // at the first anomaly after it, which may reach the recommender first; the one before is then still in it.
    private final Map<String, long[]> concerning = new HashMap<>();
    private long nowMillis = Long.MIN_VALUE;
    private int untilSweep = SWEEP_EVERY;

    private Recommender(Builder b) {
        this.downstream = b.downstream;
        this.messages = Catalogue.load(MESSAGES, b.locale);
        Map<String, Role> byId = new HashMap<>();
        if (b.fleet != null) {
            for (Server server : b.fleet.servers()) {
                byId.put(server.id(), server.role());
            }
        }
        this.roles = byId;
        this.policy = b.policy;
        this.criticalMillis = b.critical.toMillis();
        this.warningMillis = b.warning.toMillis();
        this.minProbability = b.minProbability;
        this.quietMillis = b.quiet.toMillis();
        Map<String, String> unitByMetric = new HashMap<>();
        for (Metric metric : MetricSet.standard().metrics()) {
            unitByMetric.put(metric.name(), metric.unit());
        }
        this.units = unitByMetric;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The locale of the messages: {@link Locale#ENGLISH} or {@link Locale#KOREAN}. */
    public Locale locale() {
        return messages.locale();
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof AnomalyEvent anomaly) {
            onAnomaly(anomaly);
        } else if (event instanceof PredictionEvent prediction) {
            onPrediction(prediction);
        }
    }

    /**
     * Recommends from one anomaly.
     *
     * @return the new recommendation, or an empty list if the anomaly recommends nothing or repeats the evidence
     */
    public List<Recommendation> onAnomaly(AnomalyEvent anomaly) {
        Objects.requireNonNull(anomaly, "anomaly must not be null");
        Rule rule = ruleFor(anomaly.serverId(), anomaly.metric());
        if (rule == null) {
            return List.of();
        }
        Severity severity;
        Optional<Threshold> threshold = policy.threshold(anomaly.metric());
        if (threshold.isPresent()) {
            Status status = threshold.get().classify(anomaly.value());
            if (status == Status.HEALTHY) {
                return List.of();
            }
            severity = Severity.of(status);
        } else {
            severity = Severity.WARNING;
        }
        long[] seen = concerning.computeIfAbsent(anomaly.serverId() + '\u0000' + anomaly.metric(),
                k -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
        seen[0] = seen[1];
        seen[1] = anomaly.timestamp().toEpochMilli();
        String reason = messages.format("evidence.anomaly", anomaly.serverId(), anomaly.metric(),
                quantity(anomaly.metric(), anomaly.value()), anomaly.timestamp().toString(),
                String.format(Locale.ROOT, "%.2f", anomaly.score()), anomaly.detector());
        return offer(anomaly.timestamp(), anomaly.serverId(), anomaly.metric(), rule, severity, Evidence.ANOMALY,
                Optional.empty(), reason);
    }

    /**
     * Recommends from one prediction; its ETA is the time from the prediction to the expected crossing.
     *
     * @return the new recommendation, or an empty list if the prediction recommends nothing or repeats the evidence
     */
    public List<Recommendation> onPrediction(PredictionEvent prediction) {
        Objects.requireNonNull(prediction, "prediction must not be null");
        Rule rule = ruleFor(prediction.serverId(), prediction.metric());
        if (rule == null || prediction.probability() < minProbability) {
            return List.of();
        }
        Duration eta = Duration.between(prediction.timestamp(), prediction.expectedCrossing());
        if (eta.isNegative()) {
            eta = Duration.ZERO;
        }
        long etaMillis = eta.toMillis();
        Severity severity = etaMillis <= criticalMillis ? Severity.CRITICAL
                : etaMillis <= warningMillis ? Severity.WARNING : Severity.INFO;
        String reason = messages.format("evidence.prediction", prediction.serverId(), prediction.metric(),
                quantity(prediction.metric(), prediction.level()), messages.duration(eta),
                prediction.earliest().toString(), prediction.latest().toString(),
                String.format(Locale.ROOT, "%.2f", prediction.probability()), prediction.timestamp().toString());
        return offer(prediction.timestamp(), prediction.serverId(), prediction.metric(), rule, severity,
                Evidence.PREDICTION, Optional.of(eta), reason);
    }

    /**
     * Recommends for the likeliest root cause of an incident: the first of {@code ranked}, as
     * {@link io.openmanager.vibe.analytics.incident.RootCauseRanker#rank(DetectedIncident)} returns it.
     *
     * @param incident the incident
     * @param ranked   its servers ranked as root-cause candidates, likeliest first; not empty
     * @return the new recommendation, or an empty list if the incident has one server, no anomaly of the candidate
     *         in the incident was worth a recommendation, or it repeats the evidence
     * @throws IllegalArgumentException if {@code ranked} is empty or its first server is not part of the incident
     */
    public List<Recommendation> onIncident(DetectedIncident incident, List<RootCauseCandidate> ranked) {
        Objects.requireNonNull(incident, "incident must not be null");
        Objects.requireNonNull(ranked, "ranked must not be null");
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("ranked must name at least one candidate of " + incident.id());
        }
        String server = ranked.get(0).serverId();
        List<DetectedIncident.Onset> onsets = incident.onsetsOf(server);
        if (onsets.isEmpty()) {
            throw new IllegalArgumentException("ranked: top candidate '" + server + "' is not a server of "
                    + incident.id() + " " + incident.servers());
        }
        List<String> others = new ArrayList<>(incident.servers());
        others.remove(server);
        if (others.isEmpty()) {
            return List.of();
        }
        DetectedIncident.Onset first = null;
        for (DetectedIncident.Onset onset : onsets) {
            long[] seen = concerning.get(server + '\u0000' + onset.metric());
            boolean worth = seen != null && (within(seen[0], onset.at(), incident.end())
                    || within(seen[1], onset.at(), incident.end()));
            if (worth && ruleFor(server, onset.metric()) != null && (first == null || (onset.at().equals(first.at())
                    && "response_time".equals(first.metric()) && !"response_time".equals(onset.metric())))) {
                first = onset;
            }
        }
        if (first == null) {
            return List.of();
        }
        Set<String> metrics = new LinkedHashSet<>();
        for (DetectedIncident.Onset onset : onsets) {
            metrics.add(onset.metric());
        }
        String reason = messages.format("evidence.incident", server, incident.id(), Integer.toString(others.size() + 1),
                String.join(", ", others), String.join(", ", metrics), onsets.get(0).at().toString());
        return offer(incident.end(), server, first.metric(), ruleFor(server, first.metric()), Severity.CRITICAL,
                Evidence.INCIDENT, Optional.empty(), reason);
    }

    /** How many (server, rule) episodes are open, for tests and monitoring. */
    int openEpisodes() {
        return episodes.size();
    }

    private static boolean within(long millis, Instant from, Instant to) {
        return millis >= from.toEpochMilli() && millis <= to.toEpochMilli();
    }

    private Rule ruleFor(String serverId, String metric) {
        switch (metric) {
            case "disk_usage":
                return Rule.DISK_FILLING;
            case "memory_usage":
                return Rule.MEMORY_GROWTH;
            case "cpu_usage":
                return Rule.CPU_SATURATION;
            case "network_in":
            case "network_out":
                return Rule.NETWORK_CONGESTION;
            case "response_time":
                return roles.get(serverId) == Role.DATABASE ? Rule.SLOW_DATABASE : Rule.SLOW_RESPONSE;
            default:
                return null;
        }
    }

    private List<Recommendation> offer(Instant at, String server, String metric, Rule rule, Severity severity,
                                       Evidence evidence, Optional<Duration> eta, String reason) {
        long t = at.toEpochMilli();
        nowMillis = Math.max(nowMillis, t);
        if (--untilSweep <= 0) {
            sweep();
        }
        String key = server + '\u0000' + rule.name();
        Episode episode = episodes.get(key);
        if (episode == null || nowMillis - episode.lastMillis > quietMillis) {
            episode = new Episode();
            episodes.put(key, episode);
        }
        episode.lastMillis = Math.max(episode.lastMillis, t);
        Severity before = episode.given.get(evidence);
        if (before != null && severity.compareTo(before) <= 0) {
            return List.of();
        }
        episode.given.put(evidence, severity);
        Recommendation recommendation = new Recommendation(at, server, metric, rule, severity, evidence, eta,
                messages.format("action." + rule.name(), server), reason);
        if (downstream != null) {
            downstream.onEvent(recommendation.toEvent());
        }
        return List.of(recommendation);
    }

    private void sweep() {
        untilSweep = SWEEP_EVERY;
        for (Iterator<Episode> it = episodes.values().iterator(); it.hasNext(); ) {
            if (nowMillis - it.next().lastMillis > quietMillis) {
                it.remove();
            }
        }
        concerning.values().removeIf(seen -> nowMillis - seen[1] > quietMillis);
    }

    private String quantity(String metric, double value) {
        String unit = units.getOrDefault(metric, "");
        String number = String.format(Locale.ROOT, "ms".equals(unit) ? "%.0f" : "%.1f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** What one (server, rule) episode has recommended so far: the highest severity per kind of evidence. */
    private static final class Episode {
        final Map<Evidence, Severity> given = new EnumMap<>(Evidence.class);
        long lastMillis = Long.MIN_VALUE;
    }

    /**
     * Builds a {@link Recommender}. Defaults: English, no downstream listener, no fleet (no server is known as a
     * database), the default status policy, urgency one hour / six hours, minimum probability 0.5, quiet period one
     * hour. Each option can be set once.
     */
    public static final class Builder {
        private VibeListener downstream;
        private Locale locale = Locale.ENGLISH;
        private Fleet fleet;
        private StatusPolicy policy = StatusPolicy.defaults();
        private Duration critical = Duration.ofHours(1);
        private Duration warning = Duration.ofHours(6);
        private double minProbability = 0.5;
        private Duration quiet = Duration.ofHours(1);
        private final Set<String> set = new LinkedHashSet<>();

        private Builder() {
        }

        // Setting an option twice is most likely a mistake in the caller's wiring: say both values.
        private void once(String option, Object current, Object value) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set to " + current + "; refusing " + value);
            }
        }

        /** Receives every new recommendation as a {@link io.openmanager.vibe.spi.event.RecommendationEvent}. */
        public Builder downstream(VibeListener value) {
            once("downstream", downstream, value);
            downstream = Objects.requireNonNull(value, "downstream must not be null");
            return this;
        }

        /**
         * The language of actions and reasons: Korean for language {@code ko}, English for any other locale (default
         * {@link Locale#ENGLISH}, whatever the JVM's default).
         */
        public Builder locale(Locale value) {
            once("locale", locale, value);
            locale = Objects.requireNonNull(value, "locale must not be null");
            return this;
        }

        /** The fleet, whose roles tell which servers are databases ({@link Rule#SLOW_DATABASE}). */
        public Builder fleet(Fleet value) {
            Objects.requireNonNull(value, "fleet must not be null");
            once("fleet", fleet == null ? null : fleet.size() + " servers", value.size() + " servers");
            fleet = value;
            return this;
        }

        /** The warning and critical levels that anomalies are judged by (default {@link StatusPolicy#defaults()}). */
        public Builder policy(StatusPolicy value) {
            once("policy", policy, value);
            policy = Objects.requireNonNull(value, "policy must not be null");
            return this;
        }

        /**
         * How soon a predicted crossing is CRITICAL (default one hour) and WARNING (default six hours); later ones
         * are INFO.
         *
         * @throws IllegalArgumentException if {@code critical} is negative or {@code warning < critical}
         */
        public Builder urgency(Duration critical, Duration warning) {
            once("urgency", this.critical + "/" + this.warning, critical + "/" + warning);
            Objects.requireNonNull(critical, "urgency critical must not be null");
            Objects.requireNonNull(warning, "urgency warning must not be null");
            if (critical.isNegative()) {
                throw new IllegalArgumentException("urgency critical must not be negative: " + critical);
            }
            if (warning.compareTo(critical) < 0) {
                throw new IllegalArgumentException("urgency warning (" + warning + ") must be >= critical ("
                        + critical + ")");
            }
            this.critical = critical;
            this.warning = warning;
            return this;
        }

        /**
         * The lowest prediction probability that recommends, in [0, 1] (default 0.5).
         *
         * @throws IllegalArgumentException if outside [0, 1]
         */
        public Builder minProbability(double value) {
            once("minProbability", minProbability, value);
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("minProbability must be in [0, 1]: " + value);
            }
            minProbability = value;
            return this;
        }

        /**
         * How long without evidence for a server and rule ends its episode, so that the next evidence recommends
         * again (default one hour).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder quietPeriod(Duration value) {
            once("quietPeriod", quiet, value);
            Objects.requireNonNull(value, "quietPeriod must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("quietPeriod must be positive: " + value);
            }
            quiet = value;
            return this;
        }

        /** Builds the recommender. */
        public Recommender build() {
            return new Recommender(this);
        }
    }
}
