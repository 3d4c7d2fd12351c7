package io.openmanager.vibe.analytics.health;

import io.openmanager.vibe.analytics.internal.Catalogue;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.status.HealthLevel;
import io.openmanager.vibe.core.status.HealthScore;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.core.status.Threshold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The health of a fleet at one instant: each server's {@link HealthScore} (vibe-core's rule: 100 minus 30 for CPU
 * critical / 15 warning, 30 / 15 for memory, 25 / 10 for disk; 0 when offline), the count of servers per
 * {@link HealthLevel}, the mean score and the worst servers.
 *
 * @param timestamp the instant of the statuses
 * @param servers   every server's health, in fleet order
 */
public record FleetHealth(Instant timestamp, List<ServerHealth> servers) {
    private static final String MESSAGES = "io.openmanager.vibe.analytics.health.messages";
    private static final Comparator<ServerHealth> WORST_FIRST =
            Comparator.comparingInt((ServerHealth s) -> s.score().value());

    /** Validates and copies. */
    public FleetHealth {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        servers = List.copyOf(Objects.requireNonNull(servers, "servers must not be null"));
    }

    /** The health of the servers of a frame, judged by the {@link StatusPolicy#defaults() default policy}. */
    public static FleetHealth summarize(FleetFrame frame) {
        return summarize(frame, StatusPolicy.defaults());
    }

    /**
     * The health of the servers of a frame. Each of {@code cpu_usage}, {@code memory_usage} and {@code disk_usage} is
     * classified by its threshold in the policy, from this frame's value alone (no hysteresis, so a value inside a
     * hysteresis band may read HEALTHY where the producer's status machine still says WARNING); a metric that the frame
     * or the policy lacks, or a missing (NaN) value, reads HEALTHY. A server whose frame status is OFFLINE, or which
     * reported no value at all, is OFFLINE and scores 0.
     */
    public static FleetHealth summarize(FleetFrame frame, StatusPolicy policy) {
        Objects.requireNonNull(frame, "frame must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
        int cpu = frame.metrics().indexOf("cpu_usage");
        int memory = frame.metrics().indexOf("memory_usage");
        int disk = frame.metrics().indexOf("disk_usage");
        Threshold cpuLevel = policy.threshold("cpu_usage").orElse(null);
        Threshold memoryLevel = policy.threshold("memory_usage").orElse(null);
        Threshold diskLevel = policy.threshold("disk_usage").orElse(null);
        List<ServerHealth> result = new ArrayList<>(frame.serverCount());
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            String id = frame.fleet().get(s).id();
            if (frame.status(s) == Status.OFFLINE || !reported(frame, s)) {
                result.add(ServerHealth.of(id, Status.OFFLINE, Status.OFFLINE, Status.OFFLINE));
            } else {
                result.add(ServerHealth.of(id, status(frame, s, cpu, cpuLevel), status(frame, s, memory, memoryLevel),
                        status(frame, s, disk, diskLevel)));
            }
        }
        return new FleetHealth(frame.timestamp(), result);
    }

    private static boolean reported(FleetFrame frame, int server) {
        for (int m = 0; m < frame.metrics().size(); m++) {
            if (frame.hasValue(server, m)) {
                return true;
            }
        }
        return false;
    }

    private static Status status(FleetFrame frame, int server, int metric, Threshold threshold) {
        if (metric < 0 || threshold == null) {
            return Status.HEALTHY;
        }
        return threshold.classify(frame.value(server, metric));
    }

    /** How many servers are at a level (offline servers count as CRITICAL, their score being 0). */
    public int count(HealthLevel level) {
        Objects.requireNonNull(level, "level must not be null");
        int n = 0;
        for (ServerHealth server : servers) {
            if (server.level() == level) {
                n++;
            }
        }
        return n;
    }

    /** The number of servers per level, every level present (zero included), in level order. */
    public Map<HealthLevel, Integer> counts() {
        Map<HealthLevel, Integer> counts = new EnumMap<>(HealthLevel.class);
        for (HealthLevel level : HealthLevel.values()) {
            counts.put(level, count(level));
        }
        return counts;
    }

    /** How many servers are offline. */
    public int offline() {
        int n = 0;
        for (ServerHealth server : servers) {
            if (server.offline()) {
                n++;
            }
        }
        return n;
    }

    /** The mean score over the servers; 100 for an empty fleet. */
    public double meanScore() {
        if (servers.isEmpty()) {
            return 100;
        }
        long sum = 0;
        for (ServerHealth server : servers) {
            sum += server.score().value();
        }
        return (double) sum / servers.size();
    }

    /** The fleet's score: the mean score rounded down, so that its level is never better than the mean's. */
    public HealthScore score() {
        return new HealthScore((int) Math.floor(meanScore()));
    }

    /**
     * The {@code n} servers with the lowest scores that are below {@link HealthScore#PERFECT}, worst first; equal
     * scores in fleet order.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public List<ServerHealth> worst(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        List<ServerHealth> unhealthy = new ArrayList<>();
        for (ServerHealth server : servers) {
            if (server.score().value() < HealthScore.PERFECT.value()) {
                unhealthy.add(server);
            }
        }
        unhealthy.sort(WORST_FIRST); // stable: ties keep fleet order
        return List.copyOf(unhealthy.subList(0, Math.min(n, unhealthy.size())));
    }

    /**
     * A short text for people: the mean score, the counts per level and up to {@code worst} of the worst servers with
     * their non-healthy metrics, in English or Korean ({@code ko}); English for any other locale.
     *
     * @throws IllegalArgumentException if {@code worst < 0}
     */
    public String describe(Locale locale, int worst) {
        Catalogue messages = Catalogue.load(MESSAGES, locale);
        StringBuilder text = new StringBuilder(messages.format("summary", timestamp.toString(),
                String.format(Locale.ROOT, "%.1f", meanScore()), Integer.toString(count(HealthLevel.HEALTHY)),
                Integer.toString(count(HealthLevel.WARNING)), Integer.toString(count(HealthLevel.CRITICAL)),
                Integer.toString(offline())));
        List<ServerHealth> list = worst(worst);
        if (!list.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (ServerHealth server : list) {
                parts.add(messages.format("server", server.serverId(), Integer.toString(server.score().value()),
                        problems(messages, server)));
            }
            text.append(' ').append(messages.format("worst", String.join(", ", parts)));
        }
        return text.toString();
    }

    private static String problems(Catalogue messages, ServerHealth server) {
        if (server.offline()) {
            return messages.format("status.OFFLINE");
        }
        List<String> parts = new ArrayList<>();
        addProblem(parts, messages, "metric.cpu", server.cpu());
        addProblem(parts, messages, "metric.memory", server.memory());
        addProblem(parts, messages, "metric.disk", server.disk());
        return String.join(", ", parts);
    }

    private static void addProblem(List<String> parts, Catalogue messages, String metricKey, Status status) {
        if (status != Status.HEALTHY) {
            parts.add(messages.format("problem", messages.format(metricKey), messages.format("status." + status)));
        }
    }
}
