package io.openmanager.vibe.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openmanager.vibe.analytics.detect.AbstractAnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.DetectorSnapshot;
import io.openmanager.vibe.analytics.detect.InputCounters;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The contract of {@link AnomalyDetector}, as a test to extend: a detector of your own proves it keeps every promise
 * that Vibe's pipeline relies on by subclassing this class and saying how to make one.
 *
 * <pre>{@code
 * class MyDetectorContractTest extends DetectorContractKit {
 *     @Override
 *     protected AnomalyDetector newDetector() {
 *         return new MyDetector(0.05);
 *     }
 * }
 * }</pre>
 *
 * <p>The checks, each a test method:
 * <ul>
 *   <li><b>score range</b>: every score is finite and in [0, 1], and 0 while {@link AnomalyDetector#isWarm()} was
 *       false before the value; the detector is warm by the end of {@link #series(long)};</li>
 *   <li><b>causality</b>: a score depends only on the values before it and on itself;</li>
 *   <li><b>missing values</b>: a NaN is a gap in the series: it scores 0 and is counted as
 *       {@link InputCounters#missing()} (a detector may let a gap move a cycle on, so a twin that sees the same gaps
 *       scores the same);</li>
 *   <li><b>bad input</b>: infinities, values beyond &plusmn;{@link AbstractAnomalyDetector#MAX_MAGNITUDE},
 *       duplicate and out-of-order timestamps score 0, are counted in {@link AnomalyDetector#inputCounters()} and
 *       leave the state as if they had never come; extreme finite values and constant series never throw;</li>
 *   <li><b>snapshot and restore</b>: a snapshot is an immutable value, equal to itself after {@link #roundTrip}
 *       (JSON, for instance), and the restored detector continues bit for bit like the uninterrupted one;</li>
 *   <li><b>zero allocation</b>: {@link AnomalyDetector#update} allocates nothing in steady state (measured with the
 *       JVM's per-thread allocation counter; skipped on a JVM without one).</li>
 * </ul>
 *
 * <p>The input is a seeded synthetic series ({@link #series(long)}: a daily cycle of {@value #PERIOD} values with
 * noise, a spike and a level shift) at {@link #stepMillis()} apart; override either when your detector needs more
 * values to warm up or a different spacing. Assertions use JUnit Jupiter's own, so the kit needs no other library.
 */
public abstract class DetectorContractKit {
    /** Length of the default series. */
    public static final int LENGTH = 1500;
    /** Values per cycle of the default series. */
    public static final int PERIOD = 96;

    private static final int STEADY_STATE_WARM_UP = 30_000;
    private static final int MEASURED_UPDATES = 10_000;

    /** For subclasses. */
    protected DetectorContractKit() {
    }

    /** A new detector in its initial state; each call returns a new one with the same settings. */
    protected abstract AnomalyDetector newDetector();

    /**
     * The series the checks feed, a pure function of {@code seed}: by default {@value #LENGTH} values of a cycle of
     * {@value #PERIOD} around 50 with amplitude 10 and Gaussian noise of 2, a spike of +60 at value 1200 and a level
     * shift of +15 from value 1300. Override it for a detector that needs more values to warm up.
     */
    protected double[] series(long seed) {
        Noise noise = new Noise(seed);
        double[] x = new double[LENGTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = 50 + 10 * StrictMath.sin(2 * StrictMath.PI * i / PERIOD) + 2 * noise.gaussian();
        }
        x[1200] += 60;
        for (int i = 1300; i < x.length; i++) {
            x[i] += 15;
        }
        return x;
    }

    /** Time between two values of {@link #series(long)}, in milliseconds (default five minutes). */
    protected long stepMillis() {
        return 300_000L;
    }

    /**
     * The snapshot as it comes back from storage; by default the snapshot itself. Override it to prove a storage
     * format, for example a JSON round trip through your {@code ObjectMapper}.
     *
     * @throws Exception if the round trip fails, which fails the check
     */
    protected DetectorSnapshot roundTrip(DetectorSnapshot snapshot) throws Exception {
        return snapshot;
    }

    /** The detector has a non-blank name, and a restored snapshot has the same one. */
    @Test
    public void namesItselfAndRestoresToTheSameName() {
        AnomalyDetector detector = newDetector();
        String name = detector.name();
        assertNotNull(name, "name()");
        assertFalse(name.isBlank(), "name() is blank");
        assertEquals(name, detector.snapshot().restore().name(), "name of the restored detector");
        assertEquals(InputCounters.NONE, detector.inputCounters(), "input counters of a new detector");
    }

    /** Every score is finite and in [0, 1], and 0 while the detector is not warm. */
    @Test
    public void scoresAreInTheUnitIntervalAndZeroWhileWarmingUp() {
        AnomalyDetector detector = newDetector();
        double[] x = series(1);
        for (int i = 0; i < x.length; i++) {
            boolean warm = detector.isWarm();
            double score = detector.update(at(i), x[i]);
            assertInUnitInterval(score, i);
            if (!warm) {
                assertEquals(0.0, score, "score of value " + i + " while warming up");
            }
        }
        assertTrue(detector.isWarm(), "still warming up after " + x.length + " values; override series(long)");
        assertEquals(x.length, detector.inputCounters().accepted(), "values accepted");
    }

    /** Causality: two series equal up to a point score the same up to that point. */
    @Test
    public void aScoreDoesNotDependOnLaterValues() {
        double[] a = series(3);
        double[] b = a.clone();
        int cut = a.length * 3 / 4;
        Noise other = new Noise(99);
        for (int i = cut + 1; i < b.length; i++) {
            b[i] = other.gaussian() * 1000;
        }
        double[] scoresA = run(newDetector(), a);
        double[] scoresB = run(newDetector(), b);
        for (int i = 0; i <= cut; i++) {
            assertSameBits(scoresA[i], scoresB[i], "score of value " + i + " changed with values after " + cut);
        }
        assertFalse(Arrays.equals(scoresA, scoresB), "no score changed when the values after " + cut + " did");
    }

    /** Infinities, values beyond 1e100 and duplicate or out-of-order timestamps score 0, are counted and leave
     * the state as it was. */
    @Test
    public void badInputIsSkippedScoredZeroAndCounted() {
        AnomalyDetector detector = newDetector();
        AnomalyDetector clean = newDetector();
        double[] x = series(2);
        long nonFinite = 0;
        long outOfOrder = 0;
        long missing = 0;
        double beyond = Math.nextUp(AbstractAnomalyDetector.MAX_MAGNITUDE);
        for (int i = 0; i < x.length; i++) {
            long t = at(i);
            assertSameBits(clean.update(t, x[i]), detector.update(t, x[i]),
                    "score of value " + i + " after bad input");
            if (i % 7 == 3) {
                // A gap is data, so both see it; invalid input is not, so only one does.
                assertEquals(0.0, detector.update(t + 1, Double.NaN), "score of a missing value (NaN)");
                assertEquals(0.0, clean.update(t + 1, Double.NaN), "score of a missing value (NaN)");
                missing++;
                assertEquals(0.0, detector.update(t + 2, i % 2 == 0 ? Double.POSITIVE_INFINITY
                        : Double.NEGATIVE_INFINITY), "score of an infinity");
                assertEquals(0.0, detector.update(t + 3, i % 2 == 0 ? beyond : -beyond),
                        "score of a value beyond the maximum magnitude");
                nonFinite += 2;
            }
            if (i % 11 == 5) {
                assertEquals(0.0, detector.update(t, x[i] + 1000), "score of a duplicate timestamp");
                assertEquals(0.0, detector.update(t - 5 * stepMillis(), -1e9), "score of an out-of-order value");
                outOfOrder += 2;
            }
        }
        InputCounters counters = detector.inputCounters();
        assertEquals(x.length, counters.accepted(), "accepted");
        assertEquals(missing, counters.missing(), "missing");
        assertEquals(nonFinite, counters.skippedNonFinite(), "skippedNonFinite");
        assertEquals(outOfOrder, counters.skippedOutOfOrder(), "skippedOutOfOrder");
        assertEquals(missing + nonFinite + outOfOrder, counters.skipped(), "skipped");
        assertEquals(at(x.length - 1), counters.lastTimestampMillis(), "lastTimestampMillis");
    }

    /** A missing value (NaN) scores 0 and is counted as missing. */
    @Test
    public void aMissingValueScoresZeroAndIsCountedNeverSkippedSilently() {
        AnomalyDetector detector = newDetector();
        double[] x = series(7);
        long gaps = 0;
        for (int i = 0; i < x.length; i++) {
            boolean gap = i % 97 == 50;
            double score = detector.update(at(i), gap ? Double.NaN : x[i]);
            assertInUnitInterval(score, i);
            if (gap) {
                assertEquals(0.0, score, "score of the missing value " + i);
                gaps++;
            }
        }
        assertEquals(gaps, detector.inputCounters().missing(), "missing");
        assertEquals(x.length, detector.inputCounters().accepted() + gaps, "accepted + missing");
    }

    /** Finite values of any size never make {@code update} throw, and scores stay in [0, 1]. */
    @Test
    public void extremeFiniteValuesNeverThrowAndScoresStayInTheUnitInterval() {
        AnomalyDetector detector = newDetector();
        double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.0, -0.0,
                AbstractAnomalyDetector.MAX_MAGNITUDE, -AbstractAnomalyDetector.MAX_MAGNITUDE, 1e-300};
        Noise noise = new Noise(5);
        int n = 3000;
        for (int i = 0; i < n; i++) {
            double value = i % 13 == 0 ? extremes[(i / 13) % extremes.length] : noise.gaussian();
            assertInUnitInterval(detector.update(at(i), value), i);
        }
        InputCounters counters = detector.inputCounters();
        assertEquals(n, counters.accepted() + counters.skippedNonFinite(), "accepted + skippedNonFinite");
        assertTrue(counters.skippedNonFinite() > 0, "Double.MAX_VALUE was accepted: " + counters);
    }

    /** A series that never changes never makes {@code update} throw. */
    @Test
    public void aConstantSeriesNeverThrows() {
        AnomalyDetector detector = newDetector();
        for (int i = 0; i < 2000; i++) {
            assertInUnitInterval(detector.update(at(i), 42.0), i);
        }
        assertInUnitInterval(detector.update(at(2000), 43.0), 2000);
    }

    /** A snapshot is a value, and the detector restored from it (through {@link #roundTrip}) scores the rest of a
     * series bit for bit as the original does. */
    @Test
    public void snapshotsAreValuesAndRestoreToAnIdenticalContinuation() throws Exception {
        double[] x = series(4);
        double[] uninterrupted = run(newDetector(), x);
        int cut = x.length * 3 / 5;
        AnomalyDetector detector = newDetector();
        for (int i = 0; i < cut; i++) {
            detector.update(at(i), x[i]);
        }
        DetectorSnapshot snapshot = detector.snapshot();
        assertEquals(snapshot, detector.snapshot(), "two snapshots of one state");
        DetectorSnapshot back = roundTrip(snapshot);
        assertEquals(snapshot, back, "the snapshot after roundTrip");
        AnomalyDetector restored = back.restore();
        assertEquals(detector.inputCounters(), restored.inputCounters(), "input counters of the restored detector");
        assertEquals(detector.isWarm(), restored.isWarm(), "isWarm of the restored detector");
        for (int i = cut; i < x.length; i++) {
            assertSameBits(uninterrupted[i], restored.update(at(i), x[i]), "score of value " + i + " after restore");
        }
        for (int i = cut; i < x.length; i++) {
            detector.update(at(i), x[i]);
        }
        AnomalyDetector again = snapshot.restore();
        for (int i = cut; i < x.length; i++) {
            assertSameBits(uninterrupted[i], again.update(at(i), x[i]),
                    "score of value " + i + " restored from a snapshot whose detector went on (shared state?)");
        }
    }

    /** After warm-up, {@code update} allocates nothing (the JVM's per-thread allocation counter over three rounds). */
    @Test
    public void updatesAllocateNothingInSteadyState() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean
                && ((com.sun.management.ThreadMXBean) bean).isThreadAllocatedMemorySupported()
                && ((com.sun.management.ThreadMXBean) bean).isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        double[] cycle = series(6);
        double[] values = new double[STEADY_STATE_WARM_UP + 3 * MEASURED_UPDATES];
        for (int i = 0; i < values.length; i++) {
            values[i] = cycle[i % cycle.length];
        }
        AnomalyDetector detector = newDetector();
        int i = 0;
        for (; i < STEADY_STATE_WARM_UP; i++) {
            detector.update(at(i), values[i]);
        }
        // The least of three rounds: a JIT recompilation while measuring may allocate once; the detector's own
        // allocation shows in every round.
        long least = Long.MAX_VALUE;
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            int end = i + MEASURED_UPDATES;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (; i < end; i++) {
                sink += detector.update(at(i), values[i]);
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(sink >= 0, "scores");
        assertEquals(0L, least, "bytes allocated by " + MEASURED_UPDATES + " updates after "
                + STEADY_STATE_WARM_UP + " (least of three rounds)");
    }

    private long at(int index) {
        return index * stepMillis();
    }

    private double[] run(AnomalyDetector detector, double[] values) {
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = detector.update(at(i), values[i]);
        }
        return scores;
    }

    private static void assertInUnitInterval(double score, int index) {
        if (!(score >= 0.0 && score <= 1.0)) {
            fail("score of value " + index + " is " + score + ", not in [0, 1]");
        }
    }

    private static void assertSameBits(double expected, double actual, String what) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** SplitMix64 noise: the kit's series are the same on every JVM. */
    private static final class Noise {
        private long state;

        Noise(long seed) {
            state = seed;
        }

        double uniform() {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return ((z >>> 11) + 0.5) * 0x1.0p-53;
        }

        double gaussian() {
            return StrictMath.sqrt(-2.0 * StrictMath.log(uniform())) * StrictMath.cos(2 * StrictMath.PI * uniform());
        }
    }
}
