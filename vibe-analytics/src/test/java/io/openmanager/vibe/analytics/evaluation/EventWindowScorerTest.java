package io.openmanager.vibe.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The event-window scorer's definitions, one test each. */
class EventWindowScorerTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final EventWindowScorer SCORER = EventWindowScorer.standard();

    private static Instant min(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static AnomalyWindow window(long fromMinute, long toMinute) {
        return new AnomalyWindow(min(fromMinute), min(toMinute));
    }

    private static double sigma(double y) {
        return y >= 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    @Test
    void detectingEachWindowAtItsStartIsPerfect() {
        EventWindowScore score = SCORER.score(List.of(window(10, 20), window(40, 50)), List.of(min(10), min(40)));

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.f1()).isEqualTo(1.0);
        assertThat(score.meanDetectionDelay()).contains(Duration.ZERO);
        assertThat(score.nabScore()).isEqualTo(2.0);
        assertThat(score.nabNormalisedScore()).isEqualTo(100.0);
    }

    @Test
    void detectingNothingFindsNothingAndClaimsNothingWrongly() {
        EventWindowScore score = SCORER.score(List.of(window(10, 20)), List.of());

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isZero();
        assertThat(score.f1()).isZero();
        assertThat(score.meanDetectionDelay()).isEmpty();
        assertThat(score.nabScore()).isEqualTo(-1.0);
        assertThat(score.nabNormalisedScore()).isZero();
    }

    @Test
    void aBurstInsideOneWindowCountsOnceAndEachDetectionOutsideCounts() {
        EventWindowScore score = SCORER.score(List.of(window(10, 20), window(40, 50)),
                List.of(min(12), min(13), min(14), min(30), min(90)));

        assertThat(score.detectedWindows()).isEqualTo(1);
        assertThat(score.falsePositives()).isEqualTo(2);
        assertThat(score.detections()).isEqualTo(5);
        assertThat(score.precision()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(score.recall()).isEqualTo(0.5);
        assertThat(score.f1()).isCloseTo(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), within(1e-15));
    }

    @Test
    void windowEndsAreIncluded() {
        EventWindowScore score = SCORER.score(List.of(window(10, 20)), List.of(min(20)));

        assertThat(score.detectedWindows()).isEqualTo(1);
        assertThat(score.meanDetectionDelay()).contains(Duration.ofMinutes(10));
        assertThat(score.nabScore()).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void meanDelayAveragesTheFirstDetectionOfEachDetectedWindow() {
        EventWindowScore score = SCORER.score(List.of(window(10, 20), window(40, 50), window(70, 80)),
                List.of(min(12), min(15), min(46)));

        assertThat(score.meanDetectionDelay()).contains(Duration.ofMinutes(4));
    }

    @Test
    void nabStyleScoreFollowsNabsCurveInTime() {
        // Detected halfway: sigma(-0.5) / sigma(-1). A false positive before any window: -fpWeight. One a window
        // length after the window: sigma(1) * fpWeight. One far after: -fpWeight.
        EventWindowScore score = SCORER.score(List.of(window(10, 20)),
                List.of(min(0), min(15), min(30), min(100)));

        double expected = sigma(-0.5) / sigma(-1) - 0.11 + sigma(1.0) * 0.11 - 0.11;
        assertThat(score.nabScore()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aDetectionInOverlappingWindowsDetectsBoth() {
        EventWindowScore score = SCORER.score(List.of(window(10, 30), window(20, 40)), List.of(min(25), min(35)));

        assertThat(score.detectedWindows()).isEqualTo(2);
        assertThat(score.falsePositives()).isZero();
        assertThat(score.meanDetectionDelay()).contains(Duration.ofMinutes(10));
    }

    @Test
    void aFalsePositiveIsMeasuredFromTheWindowThatEndedLast() {
        // The long window ends at 60, after the short one nested in it: a detection at 70 is 10 minutes past it,
        // a sixth of its length.
        EventWindowScore score = SCORER.score(List.of(window(0, 60), window(10, 20)), List.of(min(0), min(10),
                min(70)));

        assertThat(score.nabScore()).isCloseTo(2.0 + sigma(10.0 / 60) * 0.11, within(1e-12));
    }

    @Test
    void withoutWindowsAndDetectionsEverythingIsTrivially1AndNormalisationUndefined() {
        EventWindowScore score = SCORER.score(List.of(), List.of());

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.f1()).isEqualTo(1.0);
        assertThat(score.nabScore()).isZero();
        assertThat(score.nabNormalisedScore()).isNaN();
    }

    @Test
    void aZeroLengthWindowHitEarnsTheFullWeight() {
        EventWindowScore score = SCORER.score(List.of(window(10, 10)), List.of(min(10), min(11)));

        assertThat(score.nabScore()).isEqualTo(1.0 - 0.11);
    }

    @Test
    void theProfileWeighsTheNabStyleScore() {
        EventWindowScore score = EventWindowScorer.of(CostProfile.REWARD_LOW_FN_RATE)
                .score(List.of(window(10, 20)), List.of());

        assertThat(score.nabScore()).isEqualTo(-2.0);
    }

    @Test
    void windowsMustNotEndBeforeTheyStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> window(20, 10))
                .withMessage("window end must not be before its start: start 2026-01-05T00:20:00Z,"
                        + " end 2026-01-05T00:10:00Z");
    }

    @Test
    void manySeriesAreSummedSoAFalsePositiveAnywhereCountsAgainstPrecision() {
        // a: one window found 2 minutes in; b: one window missed; c: no window, two false positives.
        EventWindowScore all = SCORER.scoreAll(
                Map.of("a", List.of(window(10, 20)), "b", List.of(window(30, 40))),
                Map.of("a", List.of(min(12), min(13)), "c", List.of(min(5), min(50))));

        assertThat(all.windows()).isEqualTo(2);
        assertThat(all.detectedWindows()).isEqualTo(1);
        assertThat(all.detections()).isEqualTo(4);
        assertThat(all.falsePositives()).isEqualTo(2);
        assertThat(all.precision()).isEqualTo(1.0 / 3);
        assertThat(all.recall()).isEqualTo(0.5);
        assertThat(all.meanDetectionDelay()).contains(Duration.ofMinutes(2));
        double a = SCORER.score(List.of(window(10, 20)), List.of(min(12), min(13))).nabScore();
        double c = SCORER.score(List.of(), List.of(min(5), min(50))).nabScore();
        assertThat(all.nabScore()).isCloseTo(a - 1.0 + c, within(1e-12));
        assertThat(SCORER.scoreAll(Map.<String, List<AnomalyWindow>>of(), Map.<String, List<Instant>>of()).precision())
                .isEqualTo(1.0);
    }
}
