package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A default-detector snapshot that could not have come from a detector (edited JSON, a bug elsewhere) is refused when
 * it is read or restored, with the field and value named, instead of restoring a detector that fails or misbehaves
 * later.
 */
class DefaultSnapshotValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 1,200 values a minute apart and 40 gaps, a spike at 1,100: a detector past its seasonal learning. */
    private static ObjectNode warmSnapshot() {
        AnomalyDetector d = AnomalyDetectors.create(AnomalyDetectors.DEFAULT);
        Synthetic s = new Synthetic(5);
        for (int t = 0; t < 1_200; t++) {
            d.update(t * 60_000L, 50 + 10 * Math.sin(t / 20.0) + s.gaussian() + (t == 1_100 ? 60 : 0));
            if (t % 30 == 29) {
                d.update(t * 60_000L + 30_000L, Double.NaN);
            }
        }
        return JSON.valueToTree(d.snapshot());
    }

    private static void refused(Consumer<ObjectNode> edit, String message) {
        ObjectNode tree = warmSnapshot();
        edit.accept(tree);
        assertThatThrownBy(() -> JSON.treeToValue(tree, DetectorSnapshot.class).restore())
                .hasMessageContaining(message);
    }

    @Test
    void anUneditedSnapshotRestores() throws Exception {
        ObjectNode tree = warmSnapshot();
        DetectorSnapshot snapshot = JSON.treeToValue(tree, DetectorSnapshot.class);
        assertThat(snapshot.restore().snapshot()).isEqualTo(snapshot);
        assertThat(((ArrayNode) tree.get("suppressionWindow")).size()).as("the spike is in the window").isPositive();
    }

    @Test
    void countsThatDisagreeAreRefused() {
        refused(t -> t.put("n", -5), "n must be >= 0, and flatRun and longestRun in [0, n]: -5");
        refused(t -> t.put("n", 1_199), "n must equal the accepted values of the counters 1200: 1199");
        refused(t -> t.put("flatRun", 5_000), "flatRun and longestRun in [0, n]: 1200, 5000");
        refused(t -> ((ObjectNode) t.get("seasonal")).put("n", 10), "seasonal n must count the values and the gaps");
        refused(t -> ((ObjectNode) t.get("seasonal")).put("n", 1_260), "(n 1200, missing 40): 1260");
        refused(t -> t.put("magnitudeCount", 0), "magnitudeCount must be in [1, n] (0 when n is 0): 0");
        refused(t -> t.put("magnitudeCount", 1_201), "magnitudeCount must be in [1, n] (0 when n is 0): 1201");
        refused(t -> t.put("stepMillis", 0),
                "stepMillis must be 0 before the second value and >= 1 after it (n 1200): 0");
    }

    @Test
    void nonFiniteOrNegativeStatisticsAreRefusedByName() {
        refused(t -> t.put("magnitudeMean", "NaN"), "magnitudeMean must be finite: NaN");
        refused(t -> t.put("magnitudeVariance", -1.0), "magnitudeVariance must be >= 0 and finite: -1.0");
        refused(t -> t.put("center", "Infinity"), "center must be finite: Infinity");
        refused(t -> t.put("diffLong", -0.5), "diffLong must be >= 0 and finite: -0.5");
    }

    @Test
    void aSuppressionWindowEntryFromTheFutureOrOutOfOrderIsRefused() {
        refused(t -> {
            ArrayNode w = (ArrayNode) t.get("suppressionWindow");
            long entry = w.get(0).asLong();
            w.set(0, (entry & 0xFFFF_FFFFL) | (long) (t.get("suppressionTick").asInt() + 5) << 32);
        }, "suppressionWindow[0] must be added at or before the last tick");
        refused(t -> {
            ArrayNode w = (ArrayNode) t.get("suppressionWindow");
            long last = w.get(w.size() - 1).asLong();
            w.add((long) ((int) (last >>> 32) - 60) << 32 | Float.floatToRawIntBits(0.11f));
        }, "not before the previous entry");
        refused(t -> {
            ArrayNode w = (ArrayNode) t.get("suppressionWindow");
            w.set(0, w.get(0).asLong() & 0xFFFF_FFFF_0000_0000L | Float.floatToRawIntBits(Float.NaN));
        }, "must hold a finite score above 0.1");
        refused(t -> {
            ArrayNode w = (ArrayNode) t.putArray("suppressionWindow");
            for (int i = 0; i < RecentMax.CAPACITY + 1; i++) {
                w.add(0L);
            }
        }, "suppressionWindow holds at most 6 entries: 7");
        refused(t -> t.put("suppressionTick", t.get("suppressionTick").asInt() + 10),
                "suppressionTick must be the second of the last timestamp, 71940: 71950");
    }

    @Test
    void aBrokenCalibrationIsRefused() {
        refused(t -> {
            ArrayNode bins = (ArrayNode) t.get("calibrations").get(0).get("bins");
            bins.set(1, bins.get(0).asInt());
        }, "calibration bins must differ");
        refused(t -> ((ArrayNode) t.get("calibrations").get(0).get("masses")).set(0, 1e39),
                "calibration masses[0] must be finite and >= 0");
        refused(t -> ((ObjectNode) t.get("calibrations").get(1)).put("variance", -1.0),
                "variance finite and >= 0");
        refused(t -> ((ArrayNode) t.get("calibrations")).remove(3), "calibrations must hold 4 views: 3");
    }

    @Test
    void seasonalParametersOtherThanTheDefaultDetectorsAreRefused() {
        refused(t -> ((ObjectNode) t.get("seasonal")).put("learn", 200), "seasonal parameters must be");
    }

    @Test
    void theSuppressionWindowIsHalfADayOrSevenHundredAndTwentyIntervalsIfShorter() {
        assertThat(DefaultDetector.suppressionSeconds(720, 0)).as("interval unknown").isEqualTo(43_200);
        assertThat(DefaultDetector.suppressionSeconds(720, 300_000)).as("5-minute values: 12 h").isEqualTo(43_200);
        assertThat(DefaultDetector.suppressionSeconds(720, 5_000)).as("5-second values: 1 h").isEqualTo(3_600);
        assertThat(DefaultDetector.suppressionSeconds(720, 1)).as("1 ms values: a second").isEqualTo(1);
        assertThat(DefaultDetector.suppressionSeconds(720, Long.MAX_VALUE)).isEqualTo(43_200);
    }

    @Test
    void aSuppressionLongerThanTheWindowClockCanTellIsRefused() {
        assertThatThrownBy(() -> new DefaultDetector(256, 300, 0.005, DefaultDetector.MAX_SUPPRESSION_MINUTES + 1,
                0.25)).hasMessage("suppressionMinutes must be <= 35791394: 35791395");
        assertThat(new DefaultDetector(256, 300, 0.005, DefaultDetector.MAX_SUPPRESSION_MINUTES, 0.25)
                .update(0, 1.0)).isZero();
        assertThatThrownBy(() -> new DefaultDetector(256, 300, 0.005, 0, 0.25))
                .hasMessage("suppressionMinutes must be >= 1: 0");
    }

    @Test
    void missingPartsAreNamed() {
        refused(t -> t.remove("suppressionWindow"), "suppressionWindow");
        refused(t -> t.remove("seasonal"), "seasonal");
        refused(t -> t.remove("counters"), "counters");
    }
}
