package io.openmanager.vibe.analytics.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of anomalies close in time, across servers and metrics, as {@link IncidentGrouper} found it.
 *
 * @param id        unique within one grouper: {@code incident@<start>}
 * @param start     the first anomaly's timestamp
 * @param end       the last anomaly's timestamp ({@code >= start})
 * @param onsets    one entry per anomalous series (server and metric), ordered by onset, then server id, then metric
 * @param anomalies how many anomaly events the group holds ({@code >= onsets.size()})
 */
public record DetectedIncident(String id, Instant start, Instant end, List<Onset> onsets, int anomalies) {
    private static final Comparator<Onset> ORDER = Comparator.comparing(Onset::at)
            .thenComparing(Onset::serverId).thenComparing(Onset::metric);

    /** Validates, copies and orders the onsets. */
    public DetectedIncident {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(end, "end must not be null");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        Objects.requireNonNull(onsets, "onsets must not be null");
        if (onsets.isEmpty()) {
            throw new IllegalArgumentException("an incident needs at least one onset");
        }
        List<Onset> sorted = new ArrayList<>(onsets);
        sorted.sort(ORDER);
        onsets = List.copyOf(sorted);
        if (anomalies < onsets.size()) {
            throw new IllegalArgumentException("anomalies (" + anomalies + ") < series (" + onsets.size() + ")");
        }
    }

    /** The servers involved, ordered by their first onset, then id. */
    public List<String> servers() {
        LinkedHashSet<String> servers = new LinkedHashSet<>();
        for (Onset onset : onsets) {
            servers.add(onset.serverId());
        }
        return List.copyOf(servers);
    }

    /** The first anomaly of a server in this incident, if it is involved. */
    public Optional<Instant> onsetOf(String serverId) {
        for (Onset onset : onsets) {
            if (onset.serverId().equals(serverId)) {
                return Optional.of(onset.at());
            }
        }
        return Optional.empty();
    }

    /** The onsets of one server, by onset. */
    public List<Onset> onsetsOf(String serverId) {
        return onsets.stream().filter(o -> o.serverId().equals(serverId)).toList();
    }

    /**
     * The first anomaly of one series in an incident.
     *
     * @param serverId  which server
     * @param metric    which metric
     * @param at        the series' first anomaly in the incident
     * @param maxScore  the highest anomaly score the series reached in the incident, in [0, 1]
     * @param anomalies how many anomaly events the series contributed ({@code >= 1})
     */
    public record Onset(String serverId, String metric, Instant at, double maxScore, int anomalies) {
        /** Validates the fields. */
        public Onset {
            Objects.requireNonNull(serverId, "serverId must not be null");
            Objects.requireNonNull(metric, "metric must not be null");
            Objects.requireNonNull(at, "at must not be null");
            if (!(maxScore >= 0 && maxScore <= 1)) {
                throw new IllegalArgumentException("maxScore must be in [0, 1]: " + maxScore);
            }
            if (anomalies < 1) {
                throw new IllegalArgumentException("anomalies must be >= 1: " + anomalies);
            }
        }
    }
}
