package io.openmanager.vibe.sim.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.dsl.ParseResult;
import io.openmanager.vibe.sim.dsl.ScenarioFormat;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/**
 * Issue 17, finding 9: a scenario whose incident and quiet time span billions of its trigger's windows made the engine
 * run out of memory (or spin for a day) reading them back. The checker and the engine now refuse it with the same
 * message, and whatever they accept reads back a bounded number of windows.
 */
class ScheduleLookBackHostileTest {

    private static final String CENTURY_EVERY_5S = "scenario century {\n"
            + "  trigger every 5s\n"
            + "  duration 36500d\n"
            + "  at 0s on db-primary-01 set cpu_usage 95\n"
            + "}\n";

    @Test
    void theCheckerRefusesAHundredYearIncidentOfAFiveSecondTriggerAtItsDuration() {
        ParseResult result = ScenarioParser.standard().check("century.scenarios", CENTURY_EVERY_5S,
                ScenarioFormat.DSL);
        assertThat(result.hasErrors()).isTrue();
        String problem = result.errors().get(0).format();
        assertThat(problem).startsWith("century.scenarios:3:3: error: scenario 'century' cannot be simulated")
                .contains("1261440000 windows of the 'every 5s' trigger, at most 100000")
                .contains("use a longer period or a shorter duration");
    }

    @Test
    void theEngineRefusesItTooWhenBuiltThroughTheApi() {
        Scenario century = Scenario.builder("century").trigger(Trigger.every(Duration.ofSeconds(5), 1))
                .duration(Duration.ofDays(36_500)).at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 95)
                .build();
        assertThatThrownBy(() -> SimulationEngine.builder().scenarios(List.of(century)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario 'century' cannot be simulated");
    }

    @Test
    void aRareMillisecondTriggerWithALongIncidentIsRefused() {
        Scenario rare = Scenario.builder("rare").trigger(Trigger.every(Duration.ofMillis(1), 1e-9))
                .duration(Duration.ofDays(30)).at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 95).build();
        assertThatThrownBy(() -> SimulationEngine.builder().scenarios(List.of(rare)).build())
                .hasMessageContaining("windows of the 'every 1ms' trigger");
    }

    @Test
    void aFollowerWithALongIncidentCountsItsLeadersWindows() {
        Scenario leader = Scenario.builder("leader").trigger(Trigger.every(Duration.ofMinutes(1), 0.01))
                .duration(Duration.ofMinutes(1)).at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 95).build();
        Scenario follower = Scenario.builder("follower").trigger(Trigger.after("leader", Duration.ZERO))
                .duration(Duration.ofDays(365)).at(Duration.ZERO).on("web-server-01").set("cpu_usage", 95).build();
        assertThatThrownBy(() -> SimulationEngine.builder().scenarios(List.of(leader, follower)).build())
                .hasMessageContaining("scenario 'follower' cannot be simulated")
                .hasMessageContaining("(of scenario 'leader', which it follows)");
    }

    @Test
    void atTheLimitADayRunsAndLabelsALongRangeInBoundedMemory() {
        // 1s windows, 1h incident plus 1h quiet: 7,200 windows read back per tick, within the bound.
        Scenario busy = Scenario.builder("busy").trigger(Trigger.every(Duration.ofSeconds(1), 0.001))
                .duration(Duration.ofHours(1)).at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 95).build();
        SimulationEngine engine = SimulationEngine.builder().scenarios(List.of(busy)).build();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            engine.batch().ticks(0, engine.ticksIn(Duration.ofHours(6))).framesOnly().run();
            List<Incident> decade = engine.incidents(engine.start(), engine.start().plus(Duration.ofDays(3650)));
            assertThat(decade).isNotEmpty();
            for (int i = 1; i < decade.size(); i++) {
                assertThat(decade.get(i).start()).as("incidents in order, none twice")
                        .isAfter(decade.get(i - 1).start());
            }
        });
    }
}
