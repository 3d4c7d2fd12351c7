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

    private static ObjectNode warmSnapshot() {
        AnomalyDetector d = AnomalyDetectors.create(AnomalyDetectors.DEFAULT);
        Synthetic s = new Synthetic(5);
        for (int t = 0; t < 1_200; t++) {
            d.update(t * 60_000L, 50 + 10 * Math.sin(t / 20.0) + s.gaussian() + (t == 1_100 ? 60 : 0));
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
    void negativeCountsAreRefused() {
        refused(t -> t.put("n", -5), "n, flatRun and longestRun must be >= 0: -5");
        refused(t -> ((ObjectNode) t.get("seasonal")).put("n", 10), "n must be >= learn = 600");
    }

    @Test
    void aSuppressionWindowEntryFromTheFutureOrOutOfOrderIsRefused() {
        refused(t -> {
            ArrayNode w = (ArrayNode) t.get("suppressionWindow");
            long entry = w.get(0).asLong();
            w.set(0, (entry & 0xFFFF_FFFFL) | (long) (t.get("suppressionCount").asInt() + (1 << 30)) << 32);
        }, "suppressionWindow[0] must be for a value added before the count");
        refused(t -> ((ArrayNode) t.get("suppressionWindow")).insert(0, (long) t.get("suppressionCount").asInt()
                - 1L << 32 | Float.floatToRawIntBits(0.9f)), "after the previous entry");
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
        refused(t -> ((ArrayNode) t.get("calibrations")).remove(3), "calibrations must hold 4 components: 3");
    }

    @Test
    void seasonalParametersOtherThanTheDefaultDetectorsAreRefused() {
        refused(t -> ((ObjectNode) t.get("seasonal")).put("learn", 200), "seasonal parameters must be");
    }

    @Test
    void aSuppressionLongerThanTheWindowCounterCanTellIsRefused() {
        assertThatThrownBy(() -> new DefaultDetector(256, 300, 0.005, DefaultDetector.MAX_SUPPRESSION + 1, 0.25))
                .hasMessage("suppression must be <= 1073741824: 1073741825");
        assertThat(new DefaultDetector(256, 300, 0.005, DefaultDetector.MAX_SUPPRESSION, 0.25).update(0, 1.0))
                .isZero();
    }

    @Test
    void missingPartsAreNamed() {
        refused(t -> t.remove("suppressionWindow"), "suppressionWindow");
        refused(t -> t.remove("seasonal"), "seasonal");
        refused(t -> t.remove("counters"), "counters");
    }
}
