package io.openmanager.vibe.examples.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.FrameEvent;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

class FleetMeterBinderTest {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().seed(42).build();

    @Test
    void oneGaugePerServerAndMetricWithPrometheusNamesAndTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FleetMeterBinder.of(ENGINE, NamingConvention.PROMETHEUS).bindTo(registry);

        assertThat(registry.getMeters()).hasSize(20 * 6);
        Gauge cpu = registry.get("node_cpu_utilization_ratio").tag("server", "db-primary-01").gauge();
        assertThat(cpu.getId().getTag("environment")).isEqualTo("onpremise");
        assertThat(cpu.getId().getTag("role")).isEqualTo("database");
        assertThat(cpu.getId().getBaseUnit()).isEqualTo("ratio");
        assertThat(cpu.getId().getDescription()).contains("CPU");
        // The name already carries the unit, which Micrometer's Prometheus naming would append a second time.
        assertThat(registry.get("node_network_receive_bytes_per_second").gauges())
                .allSatisfy(g -> assertThat(g.getId().getBaseUnit()).isNull());
        assertThat(registry.get("http_server_request_duration_seconds").gauges()).hasSize(20);
    }

    @Test
    void openTelemetryNamesCarryTheirUnits() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FleetMeterBinder.of(ENGINE, NamingConvention.OPENTELEMETRY).bindTo(registry);

        assertThat(registry.get("system.cpu.utilization").gauges()).hasSize(20)
                .allSatisfy(g -> assertThat(g.getId().getBaseUnit()).isEqualTo("1"));
        assertThat(registry.get("system.network.io.receive").gauge().getId().getBaseUnit()).isEqualTo("By/s");
        assertThat(registry.get("http.server.request.duration").gauge().getId().getBaseUnit()).isEqualTo("s");
    }

    @Test
    void gaugesReadNanBeforeTheFirstFrameThenTheLatestFrameScaled() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FleetMeterBinder binder = FleetMeterBinder.of(ENGINE, NamingConvention.PROMETHEUS);
        binder.bindTo(registry);
        assertThat(binder.latestTick()).isEqualTo(-1);
        assertThat(registry.get("node_cpu_utilization_ratio").tag("server", "web-server-01").gauge().value()).isNaN();

        ENGINE.run(0, 100, binder);

        FleetFrame last = ENGINE.frameAt(99);
        assertThat(binder.latestTick()).isEqualTo(99);
        for (int s = 0; s < ENGINE.fleet().size(); s++) {
            Server server = ENGINE.fleet().get(s);
            for (Metric metric : MetricSet.standard().metrics()) {
                int m = MetricSet.standard().indexOf(metric);
                double gauge = registry.get(metric.prometheus().name()).tag("server", server.hostname()).gauge().value();
                assertThat(gauge).as("%s %s", server.hostname(), metric.name())
                        .isEqualTo(metric.toConvention(NamingConvention.PROMETHEUS, last.value(s, m)));
            }
        }
    }

    @Test
    void aFrameOfAnotherFleetIsRefusedNamingBoth() {
        FleetMeterBinder binder = new FleetMeterBinder(Fleet.repeatingDefault(30), MetricSet.standard(),
                NamingConvention.PROMETHEUS);

        assertThatThrownBy(() -> binder.onEvent(new FrameEvent(ENGINE.frameAt(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fleet[20 servers]").hasMessageContaining("Fleet[30 servers]");
    }

    @Test
    void receivingFramesAndReadingGaugesDoNotAllocate() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FleetMeterBinder binder = FleetMeterBinder.of(ENGINE, NamingConvention.PROMETHEUS);
        binder.bindTo(registry);
        List<Meter> meters = registry.getMeters();
        Gauge[] gauges = meters.toArray(new Gauge[0]);
        FrameEvent[] frames = new FrameEvent[16];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new FrameEvent(ENGINE.frameAt(i));
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        double sink = 0;
        for (int warm = 0; warm < 2_000; warm++) {    // lets the JIT compile both loops
            binder.onEvent(frames[warm % frames.length]);
            for (Gauge gauge : gauges) {
                sink += gauge.value();
            }
        }

        long before = threads.getThreadAllocatedBytes(threadId);
        for (int round = 0; round < 1_000; round++) {
            binder.onEvent(frames[round % frames.length]);
            for (Gauge gauge : gauges) {
                sink += gauge.value();
            }
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(sink).isNotNaN();
        // 1,000 frames and 120,000 gauge reads; one byte per read would be 120 KB.
        assertThat(allocated).as("bytes allocated").isLessThan(4_096);
    }
}
