package io.openmanager.vibe.sim.internal;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.alert.LogEvent;
import io.openmanager.vibe.core.alert.LogLevel;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.LogMessageEvent;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Log lines that follow the state of each server: occasional INFO in normal operation, WARN and ERROR as statuses
 * worsen, and role-specific messages (slow queries on databases, GC pauses on servers whose memory is under a
 * scenario, upstream timeouts on web servers). Whether a server logs at a tick is a hash of (seed, server, tick).
 */
public final class LogGenerator {
    private final Fleet fleet;
    private final FleetModel model;

    public LogGenerator(Fleet fleet, FleetModel model) {
        this.fleet = fleet;
        this.model = model;
    }

    /** Publishes the log lines of one tick for the servers of the frame. */
    public void emit(long tick, FleetFrame frame, Generator generator, VibeListener sink) {
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            Status status = frame.status(s);
            boolean incident = generator.affected(s);
            double rate = status == Status.HEALTHY ? (incident ? 1 / 6.0 : 1 / 240.0)
                    : status == Status.WARNING ? 1 / 24.0 : 1 / 8.0;
            long h = Hashing.hash(model.key[s] + 0x106, tick);
            if (Hashing.unit(h) >= rate) {
                continue;
            }
            sink.onEvent(new LogMessageEvent(line(fleet.get(s), status, incident, frame, s, h)));
        }
    }

    private static LogEvent line(Server server, Status status, boolean incident, FleetFrame frame, int s, long h) {
        Instant at = frame.timestamp();
        double cpu = frame.value(s, MetricSet.CPU);
        double memory = frame.value(s, MetricSet.MEMORY);
        double disk = frame.value(s, MetricSet.DISK);
        double response = frame.value(s, MetricSet.RESPONSE_TIME);
        int pick = (int) ((h >>> 40) & 3);
        LogLevel level = status == Status.CRITICAL || status == Status.OFFLINE ? LogLevel.ERROR
                : status == Status.WARNING || incident ? LogLevel.WARN : LogLevel.INFO;
        String source = source(server.role());
        String message;
        if (status == Status.OFFLINE) {
            message = "health check failed: no metrics received";
        } else if (level == LogLevel.INFO) {
            message = info(server.role(), pick, cpu, response);
        } else if (memory >= 85 && (server.role() == Role.GATEWAY || server.role() == Role.API
                || server.role() == Role.WORKER || incident)) {
            message = fmt("GC pause %d ms, heap %.0f %% full after collection", 150 + (int) (memory - 80) * 40,
                    memory);
        } else if (disk >= 85) {
            message = fmt("disk usage %.1f %% on /var: writes may fail soon", disk);
        } else if (server.role() == Role.DATABASE && response >= 1000) {
            message = fmt("slow query: %.1f s on SELECT orders JOIN order_items (rows examined 1.2M)",
                    response / 1000);
        } else if ((server.role() == Role.WEB || server.role() == Role.GATEWAY) && response >= 2000) {
            message = fmt("upstream timed out after %.0f ms while reading response header", response);
        } else if (server.role() == Role.STORAGE && response >= 2000) {
            message = fmt("backup job stalled: throughput below 5 MB/s for %.0f s", response / 1000);
        } else if (cpu >= 75) {
            message = fmt("high CPU load %.1f %%: request queue growing", cpu);
        } else {
            message = fmt("latency %.0f ms above objective", response);
        }
        return new LogEvent(at, server.id(), level, source, message, Map.of());
    }

    private static String info(Role role, int pick, double cpu, double response) {
        switch (role) {
            case DATABASE:
                return pick < 2 ? "checkpoint complete: wrote 1824 buffers" : "autovacuum finished on table events";
            case CACHE:
                return fmt("keyspace hit ratio 0.%d, evictions 0", 90 + pick * 2);
            case STORAGE:
                return pick < 2 ? "snapshot completed" : "scrub finished: 0 errors";
            case MONITORING:
                return "index rollover completed";
            case WORKER:
                return fmt("processed batch in %.0f ms", response);
            default:
                return fmt("served requests normally: p50 %.0f ms, cpu %.0f %%", response, cpu);
        }
    }

    private static String source(Role role) {
        switch (role) {
            case WEB:
                return "nginx";
            case DATABASE:
                return "postgres";
            case CACHE:
                return "redis";
            case STORAGE:
                return "storage";
            case MONITORING:
                return "elasticsearch";
            case GATEWAY:
                return "gateway";
            case WORKER:
                return "worker";
            default:
                return "app";
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
