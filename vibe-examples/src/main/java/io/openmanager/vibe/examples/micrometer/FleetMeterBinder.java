package io.openmanager.vibe.examples.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Publishes a fleet's latest frame to Micrometer: one gauge per (server, metric), named and scaled in a
 * {@link NamingConvention} ({@code node_cpu_utilization_ratio} in Prometheus, {@code system.cpu.utilization} in
 * OpenTelemetry, both ratios 0..1) and tagged {@code host}, {@code environment} and {@code role}.
 *
 * <p>It is both a {@link MeterBinder} and a {@link VibeListener}: register it with the engine (or a
 * {@link io.openmanager.vibe.spi.Dispatcher}) to receive frames, and bind it to any number of registries.
 *
 * <pre>{@code
 * FleetMeterBinder binder = FleetMeterBinder.of(engine, NamingConvention.PROMETHEUS);
 * binder.bindTo(registry);
 * engine.realtime(binder).speed(60).run();
 * }</pre>
 *
 * <p>Receiving a frame copies its values into a primitive array and reading a gauge reads one element of it; neither
 * allocates. Each value is read atomically, but a scrape that races with a new frame may mix values of two
 * consecutive frames. Before the first frame, and for a value a server did not report, gauges read NaN.
 *
 * <p>Units: the meter's base unit is the convention's unit in OpenTelemetry ({@code 1}, {@code By/s}, {@code s}). In
 * the Prometheus and seed conventions it is set only when the name already ends with {@code _<unit>}
 * ({@code _ratio}, {@code _seconds}), because Micrometer's Prometheus naming appends the base unit to any gauge name
 * that does not end with it. OpenTelemetry names are meant for an OTLP registry; a Prometheus registry turns them
 * into {@code system_cpu_utilization_1} and the like, so use {@link NamingConvention#PROMETHEUS} with Prometheus.
 *
 * <p>A fleet of {@code n} servers and {@code m} metrics makes {@code n * m} gauges: bind large fleets with care.
 */
public final class FleetMeterBinder implements MeterBinder, VibeListener {
    /** Tag key of the server's hostname: {@code server}, the name every Vibe output gives it. */
    public static final String SERVER_TAG = "server";
    /** Tag key of the server's environment, lower case ({@code aws}). */
    public static final String ENVIRONMENT_TAG = "environment";
    /** Tag key of the server's role, lower case ({@code database}). */
    public static final String ROLE_TAG = "role";

    private final Fleet fleet;
    private final MetricSet metrics;
    private final NamingConvention naming;
    private final int metricCount;
    private final double[] scales;
    // Raw bits of the latest value of slot server * metricCount + metric, in the seed unit.
    private final AtomicLongArray values;
    private final AtomicLong latestTick = new AtomicLong(-1);
    // The fleet and metric set of the last accepted frame, so that a frame is checked by identity only.
    private Fleet acceptedFleet;
    private MetricSet acceptedMetrics;

    /**
     * A binder for a fleet and the metrics of its frames.
     *
     * @param fleet   the fleet whose frames will arrive
     * @param metrics the metric set of those frames
     * @param naming  how meters are named and scaled
     * @throws NullPointerException naming the missing argument
     */
    public FleetMeterBinder(Fleet fleet, MetricSet metrics, NamingConvention naming) {
        this.fleet = Objects.requireNonNull(fleet, "fleet must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        this.naming = Objects.requireNonNull(naming, "naming must not be null");
        this.metricCount = metrics.size();
        this.scales = new double[metricCount];
        for (int m = 0; m < metricCount; m++) {
            scales[m] = metrics.get(m).toConvention(naming, 1.0);
        }
        this.values = new AtomicLongArray(fleet.size() * metricCount);
        long nan = Double.doubleToRawLongBits(Double.NaN);
        for (int i = 0; i < values.length(); i++) {
            values.set(i, nan);
        }
        this.acceptedFleet = fleet;
        this.acceptedMetrics = metrics;
    }

    /**
     * A binder for the frames of an engine.
     *
     * @param engine the engine whose fleet and metrics are published
     * @param naming how meters are named and scaled
     * @return a new binder
     */
    public static FleetMeterBinder of(SimulationEngine engine, NamingConvention naming) {
        Objects.requireNonNull(engine, "engine must not be null");
        return new FleetMeterBinder(engine.fleet(), engine.metrics(), naming);
    }

    /**
     * Registers one gauge per (server, metric) with the registry. Gauges hold this binder strongly, so they keep
     * reading it as long as they are registered. Binding to several registries is allowed.
     *
     * @param registry where to register the gauges
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry must not be null");
        for (int m = 0; m < metricCount; m++) {
            Metric metric = metrics.get(m);
            String name = metric.nameIn(naming);
            String baseUnit = baseUnit(naming, name, metric.unitIn(naming));
            String description = metric.description() + " (" + metric.unitIn(naming) + ")";
            for (int s = 0; s < fleet.size(); s++) {
                Server server = fleet.get(s);
                int slot = s * metricCount + m;
                Gauge.builder(name, this, binder -> binder.value(slot))
                        .description(description)
                        .baseUnit(baseUnit)
                        .tag(SERVER_TAG, server.hostname())
                        .tag(ENVIRONMENT_TAG, server.environment().externalName())
                        .tag(ROLE_TAG, server.role().externalName())
                        .strongReference(true)
                        .register(registry);
            }
        }
    }

    /**
     * Keeps the values of a {@link FrameEvent}'s frame (other events are ignored). A frame of a shard updates only
     * its servers. Allocation-free.
     *
     * @param event the event
     * @throws IllegalArgumentException if the frame's fleet or metrics differ from this binder's, naming both
     */
    @Override
    public void onEvent(VibeEvent event) {
        if (!(event instanceof FrameEvent)) {
            return;
        }
        FleetFrame frame = ((FrameEvent) event).frame();
        check(frame);
        int to = frame.serverTo();
        for (int s = frame.serverFrom(); s < to; s++) {
            int base = s * metricCount;
            for (int m = 0; m < metricCount; m++) {
                values.lazySet(base + m, Double.doubleToRawLongBits(frame.value(s, m)));
            }
        }
        latestTick.set(frame.tick());
    }

    /**
     * The tick of the latest frame received, or -1 before the first.
     *
     * @return the tick
     */
    public long latestTick() {
        return latestTick.get();
    }

    /**
     * The naming convention of the gauges.
     *
     * @return the convention
     */
    public NamingConvention naming() {
        return naming;
    }

    /** The latest value of a slot in the convention's unit; what a gauge reads. */
    double value(int slot) {
        return Double.longBitsToDouble(values.get(slot)) * scales[slot % metricCount];
    }

    private void check(FleetFrame frame) {
        Fleet frameFleet = frame.fleet();
        if (frameFleet != acceptedFleet) {
            if (!fleet.equals(frameFleet)) {
                throw new IllegalArgumentException("frame fleet " + frameFleet + " is not the binder's fleet "
                        + fleet);
            }
            acceptedFleet = frameFleet;
        }
        MetricSet frameMetrics = frame.metrics();
        if (frameMetrics != acceptedMetrics) {
            if (!metrics.equals(frameMetrics)) {
                throw new IllegalArgumentException("frame metrics " + frameMetrics + " are not the binder's metrics "
                        + metrics);
            }
            acceptedMetrics = frameMetrics;
        }
    }

    private static String baseUnit(NamingConvention naming, String name, String unit) {
        if (naming == NamingConvention.OPENTELEMETRY) {
            return unit;
        }
        return name.endsWith("_" + unit) ? unit : null;
    }
}
