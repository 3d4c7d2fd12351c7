package io.openmanager.vibe.sim.scenario;

import java.time.Duration;
import java.util.List;

/** The three failure cascades of OpenManager Vibe, each firing every 6 hours with a probability. */
public final class BuiltInScenarios {
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    /** The database's disk fills, the database slows, the web tier slows. Every 6 h with probability 0.15. */
    public static final Scenario DISK_FULL_CASCADE = Scenario.builder("disk-full-cascade")
            .title("디스크 용량 부족 연쇄 장애 (disk-full cascade)")
            .trigger(Trigger.every(SIX_HOURS, 0.15))
            .duration(Duration.ofMinutes(20))
            .recovery(Duration.ofMinutes(5))
            .at(Duration.ZERO).on("db-primary-01").set("disk_usage", 95)
            .at(Duration.ofSeconds(2)).on("db-primary-01").set("response_time", 5000)
            .at(Duration.ofSeconds(5)).on("web-server-01").set("response_time", 8000)
            .build();

    /** The API gateway leaks memory, burns CPU on garbage collection, and the cache fills. Every 6 h, p 0.12. */
    public static final Scenario MEMORY_LEAK = Scenario.builder("memory-leak")
            .title("메모리 누수 (memory leak)")
            .trigger(Trigger.every(SIX_HOURS, 0.12))
            .duration(Duration.ofMinutes(30))
            .recovery(Duration.ofMinutes(10))
            .at(Duration.ZERO).on("api-gateway-01").set("memory_usage", 88)
            .at(Duration.ofSeconds(3)).on("api-gateway-01").set("cpu_usage", 85)
            .at(Duration.ofSeconds(6)).on("cache-redis-01").set("memory_usage", 92)
            .build();

    /** Storage traffic saturates the network and backups slow to a crawl. Every 6 h, p 0.08. */
    public static final Scenario NETWORK_CONGESTION = Scenario.builder("network-congestion")
            .title("네트워크 혼잡 (network congestion)")
            .trigger(Trigger.every(SIX_HOURS, 0.08))
            .duration(Duration.ofMinutes(15))
            .recovery(Duration.ofMinutes(5))
            .at(Duration.ZERO).on("storage-nfs-01").set("network_in", 950)
            .at(Duration.ofSeconds(2)).on("backup-server-01").set("response_time", 12000)
            .build();

    private BuiltInScenarios() {
    }

    /** The three, in this order: disk-full-cascade, memory-leak, network-congestion. */
    public static List<Scenario> all() {
        return List.of(DISK_FULL_CASCADE, MEMORY_LEAK, NETWORK_CONGESTION);
    }
}
