package io.openmanager.vibe.core.status;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.openmanager.vibe.core.status.Status.CRITICAL;
import static io.openmanager.vibe.core.status.Status.HEALTHY;
import static io.openmanager.vibe.core.status.Status.OFFLINE;
import static io.openmanager.vibe.core.status.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Threshold}: entering and leaving statuses with hysteresis, and validation. */
class ThresholdTest {
    /** The javadoc's example: warning 75, critical 90, hysteresis 5. */
    private static final Threshold CPU = new Threshold("cpu_usage", 75, 90, 5);

    // ---- entering -----------------------------------------------------------------------------------------------

    @Test
    void entersWarningWhenTheValueReachesTheWarningLevel() {
        assertThat(CPU.next(HEALTHY, 74.999)).isEqualTo(HEALTHY);
        assertThat(CPU.next(HEALTHY, 75)).isEqualTo(WARNING);
        assertThat(CPU.next(HEALTHY, 89.999)).isEqualTo(WARNING);
    }

    @Test
    void entersCriticalWhenTheValueReachesTheCriticalLevel() {
        assertThat(CPU.next(HEALTHY, 90)).isEqualTo(CRITICAL);
        assertThat(CPU.next(WARNING, 90)).isEqualTo(CRITICAL);
        assertThat(CPU.next(HEALTHY, Double.POSITIVE_INFINITY)).isEqualTo(CRITICAL);
    }

    // ---- leaving ------------------------------------------------------------------------------------------------

    @Test
    void warningStaysUntilTheValueFallsBelowWarningMinusHysteresis() {
        assertThat(CPU.next(WARNING, 74)).isEqualTo(WARNING);
        assertThat(CPU.next(WARNING, 70)).as("exactly at 75 - 5 it stays").isEqualTo(WARNING);
        assertThat(CPU.next(WARNING, 69.999)).isEqualTo(HEALTHY);
    }

    @Test
    void criticalStaysUntilTheValueFallsBelowCriticalMinusHysteresis() {
        assertThat(CPU.next(CRITICAL, 89)).isEqualTo(CRITICAL);
        assertThat(CPU.next(CRITICAL, 85)).isEqualTo(CRITICAL);
        assertThat(CPU.next(CRITICAL, 84.999)).isEqualTo(WARNING);
    }

    @Test
    void leavingCriticalFarEnoughGoesStraightToHealthy() {
        assertThat(CPU.next(CRITICAL, 72)).as("still within warning's hysteresis band").isEqualTo(WARNING);
        assertThat(CPU.next(CRITICAL, 10)).isEqualTo(HEALTHY);
    }

    @Test
    void healthyDoesNotEnterWarningInsideTheHysteresisBand() {
        assertThat(CPU.next(HEALTHY, 72)).isEqualTo(HEALTHY);
    }

    @Test
    void zeroHysteresisLeavesAsSoonAsTheValueIsBelowTheLevel() {
        Threshold sharp = new Threshold("m", 10, 20, 0);

        assertThat(sharp.next(CRITICAL, 20)).isEqualTo(CRITICAL);
        assertThat(sharp.next(CRITICAL, 19.999)).isEqualTo(WARNING);
        assertThat(sharp.next(WARNING, 10)).isEqualTo(WARNING);
        assertThat(sharp.next(WARNING, 9.999)).isEqualTo(HEALTHY);
    }

    // ---- NaN and OFFLINE ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Status.class)
    void nanKeepsThePreviousStatus(Status previous) {
        assertThat(CPU.next(previous, Double.NaN)).isEqualTo(previous);
    }

    @Test
    void offlineAsThePreviousStatusCountsAsHealthy() {
        assertThat(CPU.next(OFFLINE, 72)).as("no hysteresis to keep").isEqualTo(HEALTHY);
        assertThat(CPU.next(OFFLINE, 80)).isEqualTo(WARNING);
        assertThat(CPU.next(OFFLINE, 95)).isEqualTo(CRITICAL);
    }

    @Property
    void offlineAndHealthyAsThePreviousStatusGiveTheSameResult(@ForAll("thresholds") Threshold threshold,
                                                               @ForAll("finiteValues") double value) {
        assertThat(threshold.next(OFFLINE, value)).isEqualTo(threshold.next(HEALTHY, value));
    }

    // ---- classify -----------------------------------------------------------------------------------------------

    @Test
    void classifyIgnoresHistory() {
        assertThat(CPU.classify(50)).isEqualTo(HEALTHY);
        assertThat(CPU.classify(72)).isEqualTo(HEALTHY);
        assertThat(CPU.classify(75)).isEqualTo(WARNING);
        assertThat(CPU.classify(87)).isEqualTo(WARNING);
        assertThat(CPU.classify(90)).isEqualTo(CRITICAL);
    }

    @Property
    void classifyComparesTheValueWithTheLevelsOnly(@ForAll("thresholds") Threshold threshold,
                                                   @ForAll("finiteValues") double value) {
        Status expected = value >= threshold.critical() ? CRITICAL : value >= threshold.warning() ? WARNING : HEALTHY;
        assertThat(threshold.classify(value)).isEqualTo(expected);
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    @Property
    void theStatusIsNeverBetterThanTheValuesOwnWhateverCameBefore(@ForAll("thresholds") Threshold threshold,
                                                                  @ForAll Status previous,
                                                                  @ForAll("finiteValues") double value) {
        Status next = threshold.next(previous, value);
        assertThat(threshold.classify(value).isWorseThan(next)).isFalse();
    }

    @Property
    void theStatusIsNeverWorseThanBothThePreviousOneAndTheValuesOwn(
            @ForAll("thresholds") Threshold threshold, @ForAll Status previous,
            @ForAll("finiteValues") double value) {
        Status next = threshold.next(previous, value);
        Status own = threshold.classify(value);
        Status bound = previous == OFFLINE ? own : Status.worst(previous, own);
        assertThat(next.isWorseThan(bound)).isFalse();
    }

    @Property
    void withoutHysteresisTheHistoryDoesNotMatter(@ForAll("levels") double[] levels, @ForAll Status previous,
                                                  @ForAll("finiteValues") double value) {
        Threshold sharp = new Threshold("m", levels[0], levels[1], 0);
        assertThat(sharp.next(previous, value)).isEqualTo(sharp.classify(value));
    }

    /**
     * A value that oscillates inside the hysteresis band around the warning level, {@code [warning - h, warning + h]}
     * (below critical), changes the status at most once: from HEALTHY into WARNING.
     */
    @Property
    void oscillatingAroundTheWarningLevelWithinTheBandDoesNotFlap(@ForAll("bandedThresholds") Threshold threshold,
                                                                   @ForAll("bandOffsets") List<Double> offsets) {
        assertAtMostOneChange(threshold, HEALTHY, threshold.warning(), offsets);
    }

    /**
     * A value that oscillates inside the hysteresis band around the critical level,
     * {@code [critical - h, critical + h]} (all of it at or above warning), changes the status at most once: from
     * WARNING into CRITICAL.
     */
    @Property
    void oscillatingAroundTheCriticalLevelWithinTheBandDoesNotFlap(@ForAll("bandedThresholds") Threshold threshold,
                                                                    @ForAll("bandOffsets") List<Double> offsets) {
        assertAtMostOneChange(threshold, WARNING, threshold.critical(), offsets);
    }

    private static void assertAtMostOneChange(Threshold threshold, Status start, double level,
                                              List<Double> offsets) {
        Status status = start;
        int changes = 0;
        StringBuilder trace = new StringBuilder(start.name());
        for (double offset : offsets) {
            double value = level + offset * threshold.hysteresis();
            Status next = threshold.next(status, value);
            trace.append(" -(").append(value).append(")-> ").append(next);
            if (next != status) {
                changes++;
            }
            status = next;
        }
        assertThat(changes).as("%s: %s", threshold, trace).isLessThanOrEqualTo(1);
    }

    // ---- validation -----------------------------------------------------------------------------------------------

    @Test
    void criticalBelowWarningIsRefusedNamingTheMetricAndBothValues() {
        assertThatThrownBy(() -> new Threshold("cpu_usage", 90, 75, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cpu_usage'")
                .hasMessageContaining("critical 75.0")
                .hasMessageContaining("warning 90.0");
    }

    @Property
    void anyCriticalBelowWarningIsRefused(@ForAll("levels") double[] levels) {
        if (levels[0] == levels[1]) {
            return;
        }
        assertThatThrownBy(() -> new Threshold("m", levels[1], levels[0], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critical " + levels[0] + " < warning " + levels[1]);
        double justBelow = Math.nextDown(levels[1]);
        assertThatThrownBy(() -> new Threshold("m", levels[1], justBelow, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void criticalEqualToWarningIsAllowed() {
        Threshold threshold = new Threshold("m", 50, 50, 1);
        assertThat(threshold.classify(50)).isEqualTo(CRITICAL);
        assertThat(threshold.classify(49.999)).isEqualTo(HEALTHY);
    }

    @Test
    void negativeHysteresisIsRefusedNamingTheMetricAndTheValue() {
        assertThatThrownBy(() -> new Threshold("cpu_usage", 75, 90, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hysteresis of 'cpu_usage'")
                .hasMessageContaining("-0.5");
    }

    @Property
    void nonFiniteLevelsAndHysteresisAreRefusedNamingTheField(@ForAll("nonFinite") double bad) {
        assertThatThrownBy(() -> new Threshold("m", bad, 90, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warning of 'm'").hasMessageContaining(String.valueOf(bad));
        assertThatThrownBy(() -> new Threshold("m", 75, bad, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critical of 'm'").hasMessageContaining(String.valueOf(bad));
        assertThatThrownBy(() -> new Threshold("m", 75, 90, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hysteresis of 'm'").hasMessageContaining(String.valueOf(bad));
    }

    @Test
    void invalidMetricNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new Threshold("cpu usage", 75, 90, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metric ").hasMessageContaining("'cpu usage'");
        assertThatThrownBy(() -> new Threshold(null, 75, 90, 5))
                .isInstanceOf(NullPointerException.class).hasMessage("metric must not be null");
    }

    // ---- generators -----------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Double> finiteValues() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e4, 1e4),
                Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE));
    }

    /** Pairs {@code warning <= critical}. */
    @Provide
    Arbitrary<double[]> levels() {
        Arbitrary<Double> level = Arbitraries.doubles().between(-1e4, 1e4);
        return Combinators.combine(level, level).as((a, b) -> new double[] {Math.min(a, b), Math.max(a, b)});
    }

    @Provide
    Arbitrary<Threshold> thresholds() {
        return Combinators.combine(levels(), Arbitraries.doubles().between(0, 1e3))
                .as((l, h) -> new Threshold("m", l[0], l[1], h));
    }

    /**
     * Thresholds with positive hysteresis where the warning band stays below critical ({@code warning + h < critical})
     * and the critical band stays at or above warning ({@code critical - h >= warning}):
     * {@code critical = warning + h + gap} with {@code gap >= 1}.
     */
    @Provide
    Arbitrary<Threshold> bandedThresholds() {
        return Combinators.combine(
                        Arbitraries.doubles().between(-1e4, 1e4),
                        Arbitraries.doubles().between(0.001, 1e3).ofScale(6),
                        Arbitraries.doubles().between(1, 1e3))
                .as((warning, h, gap) -> new Threshold("m", warning, warning + h + gap, h));
    }

    /** Offsets in units of the hysteresis, within {@code [-1, 1]}, with the band's edges and the level itself. */
    @Provide
    Arbitrary<List<Double>> bandOffsets() {
        return Arbitraries.oneOf(
                        Arbitraries.doubles().between(-1, 1).ofScale(9),
                        Arbitraries.of(-1.0, 0.0, 1.0, -0.5, 0.5))
                .list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }
}
