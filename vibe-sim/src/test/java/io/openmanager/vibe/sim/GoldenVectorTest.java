package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

/**
 * Exact simulated values at fixed coordinates, as raw double bits. They pin the determinism contract across JDKs and
 * releases: a change that moves any of them changes what every user's seed produces, and must be deliberate (then
 * regenerate them and say so in the release notes).
 */
class GoldenVectorTest {
    private static final SimulationEngine DEFAULT = SimulationEngine.builder().build();

    @ParameterizedTest(name = "seed 42, {0} {1} at tick {2}")
    @CsvSource({
            "web-server-01,  cpu_usage,     0,      0x403629FA86D7BCBB, HEALTHY",   // Monday 00:00
            "web-server-01,  cpu_usage,     7200,   0x404B9CE582C46294, HEALTHY",   // Monday 10:00
            "cache-redis-01, memory_usage,  50000,  0x4050888896C286BC, HEALTHY",
            "storage-nfs-01, network_in,    -1000,  0x404072E95EC2FCE8, HEALTHY",   // before the start
            "k8s-ingress-01, network_out,   100000, 0x40408AC8DA14585D, HEALTHY",
            "web-server-01,  response_time, 24700,  0x406F4ABE2FBF2C66, HEALTHY",
            // Tuesday 10:30, during the disk-full cascade fired at 10:22:49.
            "db-primary-01,  disk_usage,    24840,  0x4057C1AF28248AAA, CRITICAL",
            "db-primary-01,  response_time, 24840,  0x40B3896291DAAEAB, CRITICAL",
            "web-server-01,  response_time, 24840,  0x40BF2E2D93F1599E, CRITICAL",
    })
    void defaultEngine(String host, String metric, long tick, String bits, Status status) {
        FleetFrame frame = DEFAULT.frameAt(tick);
        int server = DEFAULT.fleet().indexOfHostname(host);
        double value = frame.value(server, DEFAULT.metrics().indexOf(metric));
        assertThat(Double.doubleToRawLongBits(value)).as("bits of %s = %s", metric, value)
                .isEqualTo(Long.parseUnsignedLong(bits.substring(2), 16));
        assertThat(frame.status(server)).isEqualTo(status);
    }

    @Test
    void duringTheDiskFullCascadeTheValuesAreTheScenariosWithATinyWobble() {
        FleetFrame frame = DEFAULT.frameAt(24840);
        assertThat(frame.value(1, MetricSet.DISK)).isEqualTo(95.02631572311898);
        assertThat(frame.value(1, MetricSet.RESPONSE_TIME)).isEqualTo(5001.385038058895);
        assertThat(frame.value(0, MetricSet.RESPONSE_TIME)).isEqualTo(7982.178038677577);
    }

    @Test
    void anotherSeedAndALargerFleet() {
        SimulationEngine engine = SimulationEngine.builder().seed(7).fleet(Fleet.repeatingDefault(40)).build();
        FleetFrame frame = engine.frameAt(3000);
        assertThat(frame.value(engine.fleet().indexOfHostname("web-server-01-1"), MetricSet.CPU))
                .isEqualTo(21.976287624909997);
    }

    @Test
    void theIncidentsOfSeed42() {
        assertThat(DEFAULT.incidents(DEFAULT.start(), DEFAULT.start().plus(Duration.ofDays(2))))
                .extracting(Incident::id).containsExactly(
                        "network-congestion@2026-01-05T13:04:31Z",
                        "disk-full-cascade@2026-01-06T10:22:49Z",
                        "network-congestion@2026-01-06T11:45:29Z",
                        "network-congestion@2026-01-06T19:06:07Z");
    }
}
