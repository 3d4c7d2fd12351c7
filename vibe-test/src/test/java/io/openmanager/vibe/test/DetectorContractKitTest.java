package io.openmanager.vibe.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.openmanager.vibe.analytics.detect.AbstractAnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.DetectorSnapshot;
import io.openmanager.vibe.analytics.detect.InputCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kit passes a detector that keeps the contract and fails, on the right check, detectors that break one promise
 * each: run through the JUnit Platform on fixture classes, as a third party's test would run.
 */
class DetectorContractKitTest {
    private static final String FIXTURES = "vibe.contractkit.fixtures";

    @Test
    void aDetectorThatKeepsTheContractPassesEveryCheck() {
        EngineExecutionResults results = run(Keeps.class);
        assertThat(results.testEvents().succeeded().count()).isEqualTo(8);
        assertThat(results.testEvents().failed().count()).isZero();
    }

    @Test
    void aScoreOutsideTheUnitIntervalFailsTheRangeChecks() {
        assertThat(failed(OutOfRange.class)).contains("scoresAreInTheUnitIntervalAndZeroWhileWarmingUp",
                "extremeFiniteValuesNeverThrowAndScoresStayInTheUnitInterval");
    }

    @Test
    void learningFromNanFailsTheBadInputCheck() {
        assertThat(failed(AcceptsNan.class)).contains("badInputIsSkippedScoredZeroAndCounted");
    }

    @Test
    void aSnapshotThatSharesTheDetectorsStateFailsTheSnapshotCheck() {
        assertThat(failed(SharedSnapshot.class)).containsExactly("snapshotsAreValuesAndRestoreToAnIdenticalContinuation");
    }

    @Test
    void allocatingOnEveryUpdateFailsTheAllocationCheck() {
        assertThat(failed(Allocating.class)).containsExactly("updatesAllocateNothingInSteadyState");
    }

    @Test
    void scoringBeforeTheWarmUpEndsFailsTheWarmUpCheck() {
        assertThat(failed(EagerScores.class)).contains("scoresAreInTheUnitIntervalAndZeroWhileWarmingUp");
    }

    private static Set<String> failed(Class<?> fixture) {
        Set<String> names = new TreeSet<>();
        run(fixture).testEvents().failed().stream()
                .forEach(e -> names.add(e.getTestDescriptor().getLegacyReportingName().replace("()", "")));
        return names;
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(FIXTURES, "true")
                .selectors(selectClass(fixture)).execute();
    }

    /** Runs the fixtures only when this test launches them, never in the build's own run. */
    static final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by DetectorContractKitTest")
                    : ConditionEvaluationResult.disabled("a fixture of DetectorContractKitTest");
        }
    }

    enum Flaw { NONE, OUT_OF_RANGE, ACCEPTS_NAN, SHARED_SNAPSHOT, ALLOCATING, EAGER }

    @ExtendWith(OnlyInTestKit.class)
    static class Keeps extends DetectorContractKit {
        @Override
        protected AnomalyDetector newDetector() {
            return new MeanDetector(Flaw.NONE);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class OutOfRange extends DetectorContractKit {
        @Override
        protected AnomalyDetector newDetector() {
            return new MeanDetector(Flaw.OUT_OF_RANGE);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class AcceptsNan extends DetectorContractKit {
        @Override
        protected AnomalyDetector newDetector() {
            return new MeanDetector(Flaw.ACCEPTS_NAN);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class SharedSnapshot extends DetectorContractKit {
        @Override
        protected AnomalyDetector newDetector() {
            return new MeanDetector(Flaw.SHARED_SNAPSHOT);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class Allocating extends DetectorContractKit {
        @Override
        protected AnomalyDetector newDetector() {
            return new MeanDetector(Flaw.ALLOCATING);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    static class EagerScores extends DetectorContractKit {
        @Override
        protected AnomalyDetector newDetector() {
            return new MeanDetector(Flaw.EAGER);
        }
    }

    /**
     * A third party's detector written from scratch (not on {@link AbstractAnomalyDetector}): the z-score of a value
     * against the running mean and variance of those before it, after a warm-up of 30 values; one flaw at a time.
     */
    static final class MeanDetector implements AnomalyDetector {
        private static final int WARM_UP = 30;
        private final Flaw flaw;
        /** count, mean, sum of squared deviations: one array so that a flawed snapshot can share it. */
        private double[] state = new double[3];
        private long skippedNonFinite;
        private long skippedOutOfOrder;
        private long last = Long.MIN_VALUE;
        private final List<Double> history = new ArrayList<>();

        MeanDetector(Flaw flaw) {
            this.flaw = flaw;
        }

        @Override
        public double update(long timestampMillis, double value) {
            if (!(Math.abs(value) <= AbstractAnomalyDetector.MAX_MAGNITUDE) && flaw != Flaw.ACCEPTS_NAN) {
                skippedNonFinite++;
                return 0;
            }
            if (state[0] > 0 && timestampMillis <= last) {
                skippedOutOfOrder++;
                return 0;
            }
            last = timestampMillis;
            if (flaw == Flaw.ALLOCATING) {
                history.add(value);
                if (history.size() > 100) {
                    history.clear();
                }
            }
            boolean warm = isWarm();
            double sd = Math.sqrt(state[2] / Math.max(1, state[0] - 1));
            double z = sd > 0 ? Math.abs(value - state[1]) / sd : 0;
            state[0]++;
            double delta = value - state[1];
            state[1] += delta / state[0];
            state[2] += delta * (value - state[1]);
            if (!warm && flaw != Flaw.EAGER) {
                return 0;
            }
            double score = z / 6;
            if (flaw == Flaw.OUT_OF_RANGE) {
                return score;
            }
            return Double.isNaN(score) ? 0 : Math.min(1, score);
        }

        @Override
        public String name() {
            return "mean-" + flaw.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public boolean isWarm() {
            return state[0] >= WARM_UP;
        }

        @Override
        public InputCounters inputCounters() {
            return new InputCounters((long) state[0], skippedNonFinite, skippedOutOfOrder, last);
        }

        @Override
        public DetectorSnapshot snapshot() {
            return new Snapshot(flaw, flaw == Flaw.SHARED_SNAPSHOT ? state : state.clone(), skippedNonFinite,
                    skippedOutOfOrder, last);
        }

        private static final class Snapshot implements DetectorSnapshot {
            final Flaw flaw;
            final double[] state;
            final long skippedNonFinite;
            final long skippedOutOfOrder;
            final long last;

            Snapshot(Flaw flaw, double[] state, long skippedNonFinite, long skippedOutOfOrder, long last) {
                this.flaw = flaw;
                this.state = state;
                this.skippedNonFinite = skippedNonFinite;
                this.skippedOutOfOrder = skippedOutOfOrder;
                this.last = last;
            }

            @Override
            public AnomalyDetector restore() {
                MeanDetector detector = new MeanDetector(flaw);
                detector.state = flaw == Flaw.SHARED_SNAPSHOT ? state : state.clone();
                detector.skippedNonFinite = skippedNonFinite;
                detector.skippedOutOfOrder = skippedOutOfOrder;
                detector.last = last;
                return detector;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Snapshot && ((Snapshot) o).flaw == flaw && Arrays.equals(((Snapshot) o).state, state)
                        && ((Snapshot) o).skippedNonFinite == skippedNonFinite
                        && ((Snapshot) o).skippedOutOfOrder == skippedOutOfOrder && ((Snapshot) o).last == last;
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(state);
            }
        }
    }
}
