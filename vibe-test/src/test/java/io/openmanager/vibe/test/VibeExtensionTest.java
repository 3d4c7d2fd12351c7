package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The JUnit extension, run through the JUnit Platform on fixture classes: it injects seeded engines, fleets and
 * series, pinned seeds give identical engines, and a failing test reports its seed.
 */
class VibeExtensionTest {
    private static final String FIXTURES = "vibe.testkit.fixtures";
    /** What each fixture test saw: its name to the seed of its engine or series. */
    static final Map<String, Long> SEEDS = new ConcurrentHashMap<>();
    /** Frames the fixture tests computed, by name, to compare engines. */
    static final Map<String, FleetFrame> FRAMES = new ConcurrentHashMap<>();

    @Test
    void aFailingTestPrintsItsSeedReadyToPin() {
        SEEDS.clear();
        Run run = run(UnpinnedFailing.class);

        long seed = SEEDS.get("unpinned");
        String message = "Vibe seed for this failure: " + seed + " \u2014 pin it with @VibeSeed(" + seed + "L)";
        assertThat(run.results.testEvents().failed().count()).isEqualTo(1);
        Throwable failure = run.failures().get(0);
        assertThat(failure).hasMessage("boom");
        assertThat(failure.getSuppressed()).singleElement().hasToString(message);
        assertThat(run.stderr).contains(message);
        assertThat(run.reportEntries()).containsEntry(VibeExtension.SEED_REPORT_KEY, Long.toString(seed));
    }

    @Test
    void unpinnedTestsGetFreshSeeds() {
        SEEDS.clear();
        run(UnpinnedFailing.class);
        long first = SEEDS.get("unpinned");
        run(UnpinnedFailing.class);
        assertThat(SEEDS.get("unpinned")).isNotEqualTo(first);
    }

    @Test
    void pinnedSeedsGiveIdenticalEnginesAndOneSeedPerTest() {
        SEEDS.clear();
        FRAMES.clear();
        Run run = run(Pinned.class);

        assertThat(run.results.testEvents().succeeded().count()).isEqualTo(4);
        assertThat(SEEDS).containsEntry("method-engine", 1234L).containsEntry("method-series", 1234L)
                .containsEntry("class-engine", 77L).containsEntry("nested-engine", 77L)
                .containsEntry("again-engine", 1234L);
        FleetFrame a = FRAMES.get("method");
        FleetFrame b = FRAMES.get("again");
        for (int s = 0; s < a.serverCount(); s++) {
            for (int m = 0; m < a.metrics().size(); m++) {
                assertThat(b.value(s, m)).isEqualTo(a.value(s, m));
            }
        }
        assertThat(FRAMES.get("class").value(0, 0)).isNotEqualTo(a.value(0, 0));
    }

    @Test
    void aPinnedFailureSaysWhereTheSeedCameFrom() {
        Run run = run(PinnedFailing.class);
        assertThat(run.failures().get(0).getSuppressed()).singleElement()
                .hasToString("Vibe seed for this failure: 42 (pinned by @VibeSeed on fails)");
    }

    @Test
    void theSystemPropertySeedsUnpinnedTests() {
        SEEDS.clear();
        System.setProperty(VibeExtension.SEED_PROPERTY, "31337");
        try {
            run(UnpinnedFailing.class);
        } finally {
            System.clearProperty(VibeExtension.SEED_PROPERTY);
        }
        assertThat(SEEDS).containsEntry("unpinned", 31337L);
    }

    @Test
    void aFailingBeforeEachThatReceivedAnEngineReportsItsSeed() {
        SEEDS.clear();
        Run run = run(BeforeEachFailing.class);
        long seed = SEEDS.get("before-each");
        assertThat(run.failures().get(0)).hasMessage("setup failed");
        assertThat(run.failures().get(0).getSuppressed()).singleElement()
                .hasToString("Vibe seed for this failure: " + seed + " \u2014 pin it with @VibeSeed(" + seed + "L)");
    }

    @Test
    void aFailureThatUsedNoVibeObjectIsLeftAlone() {
        Run run = run(NoVibeParameter.class);
        assertThat(run.failures().get(0).getSuppressed()).isEmpty();
        assertThat(run.stderr).doesNotContain("Vibe seed");
    }

    private static Run run(Class<?> fixture) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter(FIXTURES, "true")
                    .selectors(selectClass(fixture))
                    .execute();
            return new Run(results, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static final class Run {
        final EngineExecutionResults results;
        final String stderr;

        Run(EngineExecutionResults results, String stderr) {
            this.results = results;
            this.stderr = stderr;
        }

        List<Throwable> failures() {
            return results.testEvents().failed().stream()
                    .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                    .collect(Collectors.toList());
        }

        Map<String, String> reportEntries() {
            return results.allEvents().reportingEntryPublished().stream()
                    .flatMap(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().entrySet().stream())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    /** Runs the fixtures only when this test launches them, never in the build's own run. */
    static final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by VibeExtensionTest")
                    : ConditionEvaluationResult.disabled("a fixture of VibeExtensionTest");
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @ExtendWith(VibeExtension.class)
    static class UnpinnedFailing {
        @Test
        void fails(SimulationEngine engine) {
            SEEDS.put("unpinned", engine.seed());
            fail("boom");
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @VibeSeed(77)
    static class Pinned {
        @Test
        @VibeSeed(1234)
        void method(SimulationEngine engine, VibeSeries series, Fleet fleet) {
            SEEDS.put("method-engine", engine.seed());
            SEEDS.put("method-series", series.role(Role.WEB).hours(1).generate().seed());
            assertThat(fleet).isEqualTo(engine.fleet());
            FRAMES.put("method", engine.frameAt(5000));
        }

        @Test
        @VibeSeed(1234)
        void again(SimulationEngine engine) {
            SEEDS.put("again-engine", engine.seed());
            FRAMES.put("again", engine.frameAt(5000));
        }

        @Test
        void byClass(SimulationEngine engine) {
            SEEDS.put("class-engine", engine.seed());
            FRAMES.put("class", engine.frameAt(5000));
        }

        @Nested
        class Inner {
            @Test
            void byEnclosingClass(SimulationEngine engine) {
                SEEDS.put("nested-engine", engine.seed());
            }
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class PinnedFailing {
        @Test
        @VibeSeed(42)
        void fails(VibeSeries series) {
            fail("boom " + series.seed());
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @ExtendWith(VibeExtension.class)
    static class BeforeEachFailing {
        @BeforeEach
        void setUp(SimulationEngine engine) {
            SEEDS.put("before-each", engine.seed());
            throw new IllegalStateException("setup failed");
        }

        @Test
        void neverRuns() {
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @ExtendWith(VibeExtension.class)
    static class NoVibeParameter {
        @Test
        void fails() {
            fail("boom");
        }
    }
}
