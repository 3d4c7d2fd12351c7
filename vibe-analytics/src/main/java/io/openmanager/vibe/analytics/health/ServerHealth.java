package io.openmanager.vibe.analytics.health;

import io.openmanager.vibe.core.status.HealthLevel;
import io.openmanager.vibe.core.status.HealthScore;
import io.openmanager.vibe.core.status.Status;

import java.util.Objects;

/**
 * One server's health: its {@link HealthScore} and the statuses of the three metrics the score is computed from.
 *
 * @param serverId which server
 * @param score    {@code HealthScore.of(cpu, memory, disk)}
 * @param cpu      the status of {@code cpu_usage}
 * @param memory   the status of {@code memory_usage}
 * @param disk     the status of {@code disk_usage}
 */
public record ServerHealth(String serverId, HealthScore score, Status cpu, Status memory, Status disk) {
    /** Validates the fields; the score must follow the statuses by the health-score rule. */
    public ServerHealth {
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(score, "score must not be null");
        Objects.requireNonNull(cpu, "cpu must not be null");
        Objects.requireNonNull(memory, "memory must not be null");
        Objects.requireNonNull(disk, "disk must not be null");
        int expected = HealthScore.compute(cpu, memory, disk);
        if (score.value() != expected) {
            throw new IllegalArgumentException("score of '" + serverId + "' must be " + expected + " for cpu " + cpu
                    + ", memory " + memory + ", disk " + disk + ": " + score.value());
        }
    }

    /** A server's health from its three statuses. */
    public static ServerHealth of(String serverId, Status cpu, Status memory, Status disk) {
        return new ServerHealth(serverId, HealthScore.of(cpu, memory, disk), cpu, memory, disk);
    }

    /** The level of the score. */
    public HealthLevel level() {
        return score.level();
    }

    /** Whether the server reported nothing (every status OFFLINE, score 0). */
    public boolean offline() {
        return cpu == Status.OFFLINE || memory == Status.OFFLINE || disk == Status.OFFLINE;
    }
}
