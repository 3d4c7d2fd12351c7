package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Ready-made series: one line, values from the real engine, deterministic per seed, clear errors. */
class VibeSeriesTest {
    private static final int PER_DAY = 24 * 60;

    @Test
    void aWeekOfADatabasesCpuWithALeakOnDayThree() {
        MetricSeries cpu = VibeSeries.of(Role.DATABASE).cpu().days(7).withMemoryLeakOnDay(3).seed(7).generate();

        assertThat(cpu.hostname()).isEqualTo("db-primary-01");
        assertThat(cpu.metric()).isEqualTo("cpu_usage");
        assertThat(cpu.seed()).isEqualTo(7);
        assertThat(cpu.size()).isEqualTo(7 * PER_DAY);
        assertThat(cpu.timestamp(0)).isEqualTo(SimulationEngine.DEFAULT_START);
        assertThat(cpu.timestampsMillis()[1] - cpu.timestampsMillis()[0]).isEqualTo(60_000);
        assertThat(cpu.incidents()).singleElement().satisfies(leak -> {
            assertThat(leak.scenario()).isEqualTo("memory-leak-day-3");
            assertThat(leak.start()).isEqualTo(Instant.parse("2026-01-07T09:00:00Z"));
            assertThat(leak.recoveryStart()).isEqualTo(Instant.parse("2026-01-07T23:00:00Z"));
            assertThat(leak.affected().get("db-primary-01")).contains("cpu_usage", "memory_usage");
        });
        // The leak has grown for 9 to 14 hours by the evening: 13.5 to 21 points of CPU on top of normal.
        double leakingEvening = mean(cpu, 2 * PER_DAY + 18 * 60, 2 * PER_DAY + 23 * 60);
        double normalEvening = mean(cpu, PER_DAY + 18 * 60, PER_DAY + 23 * 60);
        assertThat(leakingEvening - normalEvening).isGreaterThan(10);
        assertThat(cpu.isDuringIncident(2 * PER_DAY + 20 * 60)).isTrue();
        assertThat(cpu.isDuringIncident(PER_DAY + 20 * 60)).isFalse();
        // Before the leak the day is the quiet engine's.
        MetricSeries quiet = VibeSeries.of(Role.DATABASE).cpu().days(7).seed(7).generate();
        assertThat(quiet.incidents()).isEmpty();
        for (int i = 0; i < 2 * PER_DAY + 9 * 60; i++) {
            assertThat(cpu.value(i)).isEqualTo(quiet.value(i));
        }
    }

    @Test
    void valuesAreTheEnginesAndTheSameSeedGivesTheSameSeries() {
        MetricSeries memory = VibeSeries.of("web-server-01").memory().hours(6).seed(5).generate();
        SimulationEngine engine = SimulationEngine.builder().seed(5).scenarios(List.of())
                .step(Duration.ofMinutes(1)).build();
        for (int i = 0; i < memory.size(); i += 37) {
            assertThat(memory.value(i)).isEqualTo(engine.frameAt(i).value(0, MetricSet.MEMORY));
        }
        assertThat(VibeSeries.of("web-server-01").memory().hours(6).seed(5).generate()).isEqualTo(memory);
        assertThat(VibeSeries.of("web-server-01").memory().hours(6).seed(6).generate().values())
                .isNotEqualTo(memory.values());
    }

    @Test
    void aSeededSourceHandsOutBuildersWithItsSeed() {
        VibeSeries source = VibeSeries.withSeed(99);
        assertThat(source.role(Role.CACHE).hours(2).generate())
                .isEqualTo(VibeSeries.of(Role.CACHE).hours(2).seed(99).generate());
        assertThatThrownBy(() -> source.host("web-server-01").seed(1))
                .isInstanceOf(IllegalStateException.class).hasMessage("seed was already set to 99; refusing 1");
    }

    @Test
    void builtInScenariosAndOtherSettingsReachTheEngine() {
        MetricSeries disk = VibeSeries.of(Role.DATABASE).disk().days(7).step(Duration.ofMinutes(5))
                .start(Instant.parse("2026-02-02T00:00:00Z")).withBuiltInScenarios().seed(42).generate();
        assertThat(disk.size()).isEqualTo(7 * 24 * 12);
        assertThat(disk.start()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
        // Of the built-in scenarios only the disk-full cascade touches the database: its disk sits at 95 %.
        assertThat(disk.incidents()).isNotEmpty().allSatisfy(incident -> {
            assertThat(incident.scenario()).isEqualTo("disk-full-cascade");
            assertThat(disk.value(disk.indexAt(incident.start().plus(Duration.ofMinutes(10)))))
                    .isCloseTo(95, within(1.0));
        });
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndTheValue() {
        Fleet webOnly = Fleet.of(Server.of("w1", Environment.ONPREMISE, Role.WEB));
        assertThatThrownBy(() -> VibeSeries.of(Role.DATABASE).fleet(webOnly).generate())
                .hasMessageContaining("role").hasMessageContaining("database");
        assertThatThrownBy(() -> VibeSeries.of("nope-01").generate())
                .hasMessageContaining("hostname").hasMessageContaining("'nope-01'");
        assertThatThrownBy(() -> VibeSeries.of(Role.WEB).metric("cpu"))
                .hasMessageContaining("unknown metric 'cpu'");
        assertThatThrownBy(() -> VibeSeries.of(Role.WEB).cpu().memory())
                .hasMessage("metric was already set to cpu_usage; refusing memory_usage");
        assertThatThrownBy(() -> VibeSeries.of(Role.WEB).days(0)).hasMessage("days must be >= 1: 0");
        assertThatThrownBy(() -> VibeSeries.of(Role.WEB).step(Duration.ofNanos(10)))
                .hasMessageContaining("step").hasMessageContaining("PT0.00000001S");
        assertThatThrownBy(() -> VibeSeries.of(Role.WEB).days(7).withMemoryLeakOnDay(9).generate())
                .hasMessageContaining("leak day 9");
        assertThatThrownBy(() -> VibeSeries.of(Role.WEB).days(10_000).step(Duration.ofMillis(1)).generate())
                .hasMessage("length PT240000H at step PT0.001S gives 864000000000 values; at most 100000000");
        assertThatThrownBy(() -> VibeSeries.of(Role.WEB).withMemoryLeakOnDay(0))
                .hasMessageContaining("leak day must be >= 1").hasMessageContaining(": 0");
    }

    private static double mean(MetricSeries series, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += series.value(i);
        }
        return sum / (to - from);
    }
}
