package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each detector catches the anomaly it is meant for, on a seeded synthetic series, clearly above its noise. */
class TargetAnomalyTest {
    private static final int AT = 1500;

    /** The score at or shortly after {@code AT} must beat every score before it (after warm-up). */
    private static void assertCaught(AnomalyDetector d, double[] x, int from, int reaction) {
        double[] s = Synthetic.run(d, x);
        double before = Synthetic.max(s, from, AT);
        double at = Synthetic.max(s, AT, AT + reaction);
        assertThat(at).as("%s: best score within %d values of the anomaly vs best before", d.name(), reaction)
                .isGreaterThan(before);
    }

    private static double[] spike() {
        double[] x = new Synthetic(11).noise(2000, 40, 2);
        x[AT] += 25;
        return x;
    }

    private static double[] levelShift() {
        double[] x = new Synthetic(12).noise(2000, 40, 2);
        for (int i = AT; i < x.length; i++) {
            x[i] += 4;
        }
        return x;
    }

    private static double[] varianceChange() {
        Synthetic s = new Synthetic(13);
        double[] x = s.noise(2000, 40, 1);
        for (int i = AT; i < x.length; i++) {
            x[i] = 40 + 6 * s.gaussian();
        }
        return x;
    }

    private static double[] flatLine() {
        double[] x = new Synthetic(14).noise(2000, 40, 2);
        for (int i = AT; i < x.length; i++) {
            x[i] = 40.0;
        }
        return x;
    }

    private static double[] brokenSeasonality() {
        // A cycle of 100 values; from AT on the cycle is inverted: every value stays within the usual range.
        Synthetic s = new Synthetic(15);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            double phase = Math.sin(2 * Math.PI * i / 100);
            x[i] = 50 + 20 * (i >= AT ? -phase : phase) + s.gaussian();
        }
        return x;
    }

    @Test
    void spikesAreCaughtByEwmaRobustWindowSeasonalAndDefault() {
        assertCaught(new EwmaDetector(), spike(), 100, 1);
        assertCaught(new RobustWindowDetector(), spike(), 100, 1);
        assertCaught(new SeasonalDetector(), spike(), 700, 1);
        assertCaught(AnomalyDetectors.createDefault(), spike(), 200, 1);
    }

    @Test
    void levelShiftsAreCaughtByCusumPageHinkleyAndDefault() {
        assertCaught(new CusumDetector(), levelShift(), 100, 20);
        assertCaught(new PageHinkleyDetector(), levelShift(), 100, 60);
        assertCaught(AnomalyDetectors.createDefault(), levelShift(), 200, 20);
        double[] s = Synthetic.run(new CusumDetector(), levelShift());
        assertThat(Synthetic.max(s, AT, AT + 20)).isEqualTo(1.0);
        assertThat(Synthetic.max(s, 100, AT)).isLessThan(1.0);
    }

    @Test
    void varianceChangesAreCaughtByDefault() {
        assertCaught(AnomalyDetectors.createDefault(), varianceChange(), 200, 20);
    }

    @Test
    void flatLinesAreCaughtByDefault() {
        assertCaught(AnomalyDetectors.createDefault(), flatLine(), 200, 60);
    }

    @Test
    void brokenSeasonalityIsCaughtBySeasonalAndDefaultButNotByAPlainZScore() {
        assertCaught(new SeasonalDetector(), brokenSeasonality(), 700, 30);
        assertCaught(AnomalyDetectors.createDefault(), brokenSeasonality(), 700, 30);
        double[] plain = Synthetic.run(new EwmaDetector(), brokenSeasonality());
        assertThat(Synthetic.max(plain, AT, AT + 30)).isLessThanOrEqualTo(Synthetic.max(plain, 100, AT));
    }

    @Test
    void seasonalDetectsThePeriod() {
        SeasonalDetector d = new SeasonalDetector();
        Synthetic.run(d, brokenSeasonality());
        assertThat(d.period()).isEqualTo(100);
        SeasonalDetector noise = new SeasonalDetector();
        Synthetic.run(noise, new Synthetic(16).noise(1000, 0, 1));
        assertThat(noise.period()).isEqualTo(1);
    }

    @Test
    void thresholdRaisesAtRaiseAtAndClearsOnlyAtClearAt() {
        ThresholdDetector d = new ThresholdDetector(90, 80);
        double[] x = {50, 89, 90, 85, 81, 80, 85, 95, 79};
        double[] expectedAlarm = {0, 0, 1, 1, 1, 0, 0, 1, 0};
        for (int i = 0; i < x.length; i++) {
            double score = d.update(i, x[i]);
            if (expectedAlarm[i] == 1) {
                assertThat(score).as("row %d", i).isEqualTo(1.0);
            } else {
                assertThat(score).as("row %d", i).isLessThan(0.5);
            }
        }
    }

    @Test
    void defaultSuppressesRepeatedAlarmsForOneEvent() {
        double[] x = new Synthetic(17).noise(2000, 40, 2);
        for (int i = AT; i < AT + 5; i++) {
            x[i] += 30;
        }
        double[] s = Synthetic.run(AnomalyDetectors.createDefault(), x);
        assertThat(s[AT]).isGreaterThan(Synthetic.max(s, 200, AT));
        for (int i = AT + 1; i < AT + 5; i++) {
            assertThat(s[i]).as("repeat at row %d", i).isLessThan(s[AT]);
        }
    }
}
