package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Bad configuration fails when it is built, and the message names the field and the value. */
class ValidationTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void anUnknownHostnameInAScenarioIsNamed() {
        Scenario scenario = Scenario.builder("typo").at(Duration.ZERO).on("web-server-99").set("cpu_usage", 90)
                .build();
        assertThatThrownBy(() -> engineWith(scenario)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scenario 'typo'", "unknown hostname 'web-server-99'");
    }

    @Test
    void anUnknownHostnameInsideAPercentSelectorIsNamed() {
        Scenario scenario = Scenario.builder("typo").at(Duration.ZERO)
                .on(Selector.percent(50, Selector.host("nowhere-01"))).set("cpu_usage", 90).build();
        assertThatThrownBy(() -> engineWith(scenario)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scenario 'typo'", "unknown hostname 'nowhere-01'");
    }

    @Test
    void anUnknownMetricIsNamedWithTheKnownOnes() {
        Scenario scenario = Scenario.builder("typo").at(Duration.ZERO).on("web-server-01").set("cpu", 90).build();
        assertThatThrownBy(() -> engineWith(scenario)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scenario 'typo'", "unknown metric 'cpu'", "cpu_usage", "response_time");
    }

    @Test
    void duplicateScenarioNamesAreNamed() {
        Scenario a = Scenario.builder("twice").at(Duration.ZERO).on("web-server-01").set("cpu_usage", 90).build();
        Scenario b = Scenario.builder("twice").at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 90).build();
        assertThatThrownBy(() -> SimulationEngine.builder().scenarios(List.of(a, b)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate scenario name 'twice'");
    }

    @Test
    void aCycleOfAfterTriggersIsNamed() {
        Scenario a = step(Scenario.builder("chicken").trigger(Trigger.after("egg", MINUTE))).build();
        Scenario b = step(Scenario.builder("egg").trigger(Trigger.after("chicken", MINUTE))).build();
        assertThatThrownBy(() -> SimulationEngine.builder().scenarios(List.of(a, b)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scenario 'chicken'", "cycle of 'after' triggers");
        assertThatThrownBy(() -> step(Scenario.builder("ouroboros").trigger(Trigger.after("ouroboros", MINUTE)))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario 'ouroboros' cannot trigger after itself");
    }

    @Test
    void anAfterTriggerOnAnUnknownScenarioIsNamed() {
        Scenario a = step(Scenario.builder("follower").trigger(Trigger.after("ghost", MINUTE))).build();
        assertThatThrownBy(() -> engineWith(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scenario 'follower'", "unknown scenario 'ghost'");
    }

    @Test
    void aStepAtOrAfterTheDurationIsNamed() {
        assertThatThrownBy(() -> Scenario.builder("late").duration(Duration.ofMinutes(10))
                .at(Duration.ofMinutes(10)).on("web-server-01").set("cpu_usage", 90).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("step 'at 10m on web-server-01 set cpu_usage 90'", "scenario 'late'",
                        "duration 10m");
    }

    @Test
    void scenarioFieldsAreChecked() {
        assertThatThrownBy(() -> step(Scenario.builder("bad name")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> Scenario.builder("empty").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario 'empty' needs at least one step");
        assertThatThrownBy(() -> step(Scenario.builder("instant").duration(Duration.ZERO)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration of scenario 'instant' must be positive: 0d");
        assertThatThrownBy(() -> step(Scenario.builder("back").recovery(Duration.ofSeconds(-5))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recovery of scenario 'back' must not be negative");
    }

    @Test
    void aScenarioOptionSetTwiceNamesTheValueAlreadySet() {
        assertThatThrownBy(() -> Scenario.builder("x").title("first").title("second"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("title of scenario 'x' was already set to first; refusing second");
        assertThatThrownBy(() -> Scenario.builder("x").duration(MINUTE).duration(MINUTE.multipliedBy(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duration of scenario 'x' was already set to PT1M; refusing PT2M");
    }

    @Test
    void anEngineOptionSetTwiceNamesTheValueAlreadySet() {
        assertThatThrownBy(() -> SimulationEngine.builder().seed(1).seed(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed was already set to 1; refusing 2");
        assertThatThrownBy(() -> SimulationEngine.builder().start(Instant.EPOCH).start(Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start was already set");
        assertThatThrownBy(() -> SimulationEngine.builder().scenarios(List.of()).scenarios(List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scenarios was already set");
    }

    @Test
    void engineOptionsAreChecked() {
        assertThatThrownBy(() -> SimulationEngine.builder().step(Duration.ofNanos(1500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step").hasMessageContaining("PT");
        assertThatThrownBy(() -> SimulationEngine.builder().step(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-5S");
        assertThatThrownBy(() -> SimulationEngine.builder().yearlySeason(0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.7");
    }

    @Test
    void badDependenciesAreNamed() {
        assertThatThrownBy(() -> SimulationEngine.builder()
                .dependencies(Map.of("web-server-01", List.of("db-nowhere"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("dependencies of 'web-server-01'", "unknown hostname 'db-nowhere'");
        assertThatThrownBy(() -> SimulationEngine.builder()
                .dependencies(Map.of("ghost-01", List.of("db-primary-01"))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown hostname 'ghost-01'");
        assertThatThrownBy(() -> SimulationEngine.builder()
                .dependencies(Map.of("web-server-01", List.of("web-server-01"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'web-server-01'", "cannot depend on itself");
    }

    @Test
    void actionsTriggersAndSelectorsCheckTheirValues() {
        assertThatThrownBy(() -> Action.set("cpu_usage", Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("set cpu_usage", "NaN");
        assertThatThrownBy(() -> Action.scale("cpu_usage", -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'cpu_usage'", "-2");
        assertThatThrownBy(() -> Action.ramp("cpu_usage", 90, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ramp duration must be positive");
        assertThatThrownBy(() -> Action.add(" ", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric must not be blank");
        assertThatThrownBy(() -> Trigger.every(MINUTE, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> Trigger.every(Duration.ZERO, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
        assertThatThrownBy(() -> Selector.percent(0, Selector.all())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent must be in (0, 100]: 0");
    }

    @Test
    void batchAndDriverOptionsAreChecked() {
        SimulationEngine engine = SimulationEngine.builder().build();
        assertThatThrownBy(() -> engine.batch().servers(5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("[5, 3)", "[0, 20)");
        assertThatThrownBy(() -> engine.batch().servers(0, 21)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 21)");
        assertThatThrownBy(() -> engine.batch().ticks(10, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[10, 5)");
        assertThatThrownBy(() -> engine.batch().threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1: 0");
        assertThatThrownBy(() -> engine.realtime(e -> { }).speed(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed must be positive and finite: 0.0");
        assertThatThrownBy(() -> engine.fire("nothing", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("unknown scenario 'nothing'", "disk-full-cascade");
    }

    private static Scenario.Builder step(Scenario.Builder builder) {
        return builder.at(Duration.ZERO).on("web-server-01").set("cpu_usage", 90);
    }

    private static SimulationEngine engineWith(Scenario scenario) {
        return SimulationEngine.builder().scenarios(List.of(scenario)).build();
    }
}
