package io.openmanager.vibe.sim;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A long run kept as primitive series, for statistics: {@code value(server, metric)[i]} and {@code status(server)[i]}
 * hold tick {@code fromTick + i}; the other events are kept in order.
 */
final class Series implements VibeListener {
    final SimulationEngine engine;
    final long fromTick;
    final int ticks;
    private final double[][][] values;
    private final Status[][] statuses;
    final List<VibeEvent> events = new ArrayList<>();

    private Series(SimulationEngine engine, long fromTick, int ticks) {
        this.engine = engine;
        this.fromTick = fromTick;
        this.ticks = ticks;
        int servers = engine.fleet().size();
        this.values = new double[servers][engine.metrics().size()][ticks];
        this.statuses = new Status[servers][ticks];
    }

    /** Runs and records {@code duration} from tick {@code fromTick}, with every event. */
    static Series record(SimulationEngine engine, long fromTick, Duration duration) {
        Series series = new Series(engine, fromTick, Math.toIntExact(engine.ticksIn(duration)));
        engine.batch().ticks(fromTick, fromTick + series.ticks).listener(series).run();
        return series;
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (!(event instanceof FrameEvent)) {
            events.add(event);
            return;
        }
        FleetFrame frame = ((FrameEvent) event).frame();
        int i = (int) (frame.tick() - fromTick);
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            statuses[s][i] = frame.status(s);
            for (int m = 0; m < values[s].length; m++) {
                values[s][m][i] = frame.value(s, m);
            }
        }
    }

    double[] value(int server, int metric) {
        return values[server][metric];
    }

    double[] value(String hostname, int metric) {
        return values[index(hostname)][metric];
    }

    Status[] status(int server) {
        return statuses[server];
    }

    int index(String hostname) {
        int index = engine.fleet().indexOfHostname(hostname);
        if (index < 0) {
            throw new IllegalArgumentException("no server " + hostname);
        }
        return index;
    }

    /** Index into the series of a tick. */
    int at(long tick) {
        return Math.toIntExact(tick - fromTick);
    }

    /** Index of an hour of a day of the series (day 0 = the first day). */
    int atHour(int day, double hour) {
        return (int) ((day * 24 + hour) * 3600_000L / engine.step().toMillis());
    }

    <T extends VibeEvent> List<T> events(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (VibeEvent event : events) {
            if (type.isInstance(event)) {
                result.add(type.cast(event));
            }
        }
        return result;
    }
}
