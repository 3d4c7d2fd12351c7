package io.openmanager.vibe.examples.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.analytics.pipeline.ForecastSettings;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time to threshold from the default {@link AnalyticsPipeline} against the simulator's own values (seed 42, 16 hours
 * of the default fleet). The built-in {@code memory-leak} and {@code disk-full-cascade} set their values abruptly
 * (memory to 88 %, disk to 95 %), so they never cross the pipeline's levels (95 %, 100 %); these are their gradual
 * twins, on the same servers and metrics, written with the scenario language's {@code leak} action from 02:00. The
 * true crossing is the first 5-second tick whose simulated value reaches the level; a prediction's error is its
 * expected crossing minus that instant, and its lead the time from the prediction to the true crossing.
 */
class TimeToThresholdConvergenceTest {
    private static final String SCENARIOS = String.join("\n",
            "scenario memory-leak-gradual {",
            "  title \"memory leak, gradual (api-gateway-01 memory +10 %/h)\"",
            "  trigger at 2026-01-05T02:00:00Z",
            "  duration 14h",
            "  at 0s on api-gateway-01 leak memory_usage 10 per 1h",
            "}",
            "scenario disk-full-gradual {",
            "  title \"disk filling, gradual (db-primary-01 disk +6 %/h)\"",
            "  trigger at 2026-01-05T02:00:00Z",
            "  duration 14h",
            "  at 0s on db-primary-01 leak disk_usage 6 per 1h",
            "}");
    private static final Map<String, Run> RUNS = new HashMap<>();

    /** What one simulation through the pipeline gave. */
    private static final class Run {
        final Map<String, List<PredictionEvent>> predictions = new HashMap<>();
        final Map<String, Instant> trueCrossing = new HashMap<>();
        final Map<String, List<String>> hourly = new HashMap<>();
        int otherPredictions;
    }

    @BeforeAll
    static void simulate() {
        RUNS.put("default", simulate(ForecastSettings.defaults()));
        RUNS.put("24h", simulate(ForecastSettings.builder().predictionHorizon(Duration.ofHours(24)).build()));
    }

    private static Run simulate(ForecastSettings settings) {
        Run run = new Run();
        List<Scenario> scenarios = ScenarioParser.standard().parse("gradual.scenarios", SCENARIOS);
        SimulationEngine engine = SimulationEngine.builder().seed(42).scenarios(scenarios).build();
        String gateway = engine.fleet().byHostname("api-gateway-01").orElseThrow().id();
        String database = engine.fleet().byHostname("db-primary-01").orElseThrow().id();
        Map<String, String> watched = Map.of(gateway + "/memory_usage", "memory", database + "/disk_usage", "disk");
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(event -> {
            if (event instanceof PredictionEvent) {
                PredictionEvent p = (PredictionEvent) event;
                String kind = watched.get(p.serverId() + "/" + p.metric());
                if (kind != null) {
                    run.predictions.computeIfAbsent(kind, k -> new ArrayList<>()).add(p);
                } else {
                    run.otherPredictions++;
                }
            }
        }).forecasting(settings).build();
        int gatewayIndex = engine.fleet().indexOfId(gateway);
        int databaseIndex = engine.fleet().indexOfId(database);
        int memory = engine.metrics().indexOf("memory_usage");
        int disk = engine.metrics().indexOf("disk_usage");
        engine.batch().ticks(0, engine.ticksIn(Duration.ofHours(16))).framesOnly().listener(event -> {
            FleetFrame frame = ((FrameEvent) event).frame();
            Instant at = Instant.ofEpochMilli(frame.timestampMillis());
            double memoryValue = frame.value(gatewayIndex, memory);
            double diskValue = frame.value(databaseIndex, disk);
            if (memoryValue >= 95) {
                run.trueCrossing.putIfAbsent("memory", at);
            }
            if (diskValue >= 100) {
                run.trueCrossing.putIfAbsent("disk", at);
            }
            if (frame.timestampMillis() % 3_600_000 == 0) {
                run.hourly.computeIfAbsent("memory", k -> new ArrayList<>()).add(String.format("%.0f", memoryValue));
                run.hourly.computeIfAbsent("disk", k -> new ArrayList<>()).add(String.format("%.0f", diskValue));
            }
            pipeline.onEvent(event);
        }).run();
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk"})
    void theExpectedCrossingConvergesToTheTrueOne(String kind) {
        Run run = RUNS.get("default");
        Instant truth = run.trueCrossing.get(kind);
        assertThat(truth).as("the simulated series reaches its level").isNotNull();
        System.out.printf("%s: hourly values from 00:00 %s; true crossing %s%n", kind, run.hourly.get(kind), truth);
        List<PredictionEvent> predictions = run.predictions.getOrDefault(kind, List.of());
        double nearSum = 0;
        int near = 0;
        double farSum = 0;
        int far = 0;
        long lastLead = Long.MAX_VALUE;
        long lastError = 0;
        for (PredictionEvent p : predictions) {
            long leadMinutes = Duration.between(p.timestamp(), truth).toMinutes();
            long errorMinutes = Math.round(Duration.between(truth, p.expectedCrossing()).toSeconds() / 60.0);
            System.out.printf("  %s lead %4d min  error %+4d min  80 %% [%s .. %s]  p=%.2f%n", kind, leadMinutes,
                    errorMinutes, p.earliest(), p.latest(), p.probability());
            assertThat(p.timestamp()).isBefore(truth);
            if (leadMinutes <= 70) {
                // Within the last 70 minutes every estimate is within 20 minutes of the truth.
                assertThat(Math.abs(errorMinutes)).as("error at lead %d min", leadMinutes).isLessThanOrEqualTo(20);
                nearSum += Math.abs(errorMinutes);
                near++;
            } else if (leadMinutes > 120) {
                farSum += Math.abs(errorMinutes);
                far++;
            }
            lastLead = leadMinutes;
            lastError = errorMinutes;
        }
        // Predicted hours ahead, and the error shrinks as the crossing approaches.
        assertThat(Duration.between(predictions.get(0).timestamp(), truth)).isGreaterThan(Duration.ofHours(3));
        assertThat(near).isGreaterThanOrEqualTo(2);
        assertThat(far).isGreaterThanOrEqualTo(2);
        System.out.printf("  %s mean |error|: %.1f min at leads over 2 h, %.1f min at leads up to 70 min%n", kind,
                farSum / far, nearSum / near);
        assertThat(nearSum / near).isLessThan(farSum / far / 2);
        assertThat(lastLead).isLessThan(30);
        assertThat(Math.abs(lastError)).isLessThanOrEqualTo(5);
    }

    @Test
    void otherSeriesRarelyPredictACrossingWithTheDefaultHorizon() {
        int defaults = RUNS.get("default").otherPredictions;
        int day = RUNS.get("24h").otherPredictions;
        System.out.printf("predictions for the 118 other series in 16 h: %d with the default 4 h horizon, %d with "
                + "24 h%n", defaults, day);
        // Measured: 4 and 181. An hour's trend extrapolated over a day mistakes the daily load cycle for a leak.
        assertThat(defaults).isLessThanOrEqualTo(10);
        assertThat(day).isGreaterThan(10 * Math.max(1, defaults));
    }
}
