package io.openmanager.vibe.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.benchmarks.DetectorLayout.Part;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

class DetectorLayoutTest {

    /** A state of known data: 8 B of fields, an int[3] of its own (12 B), and an array it shares. */
    @SuppressWarnings("unused")
    private static final class Node {
        private final long value = 42;
        private final int[] own = new int[3];
        private final long[] shared;

        Node(long[] shared) {
            this.shared = shared;
        }
    }

    private static Map<String, Part> byComponent(List<Part> parts) {
        return parts.stream().collect(Collectors.toMap(Part::component, Function.identity()));
    }

    @Test
    void splitsEachObjectIntoHeaderReferencesPaddingAndDataAndLeavesSharedObjectsOut() {
        long[] shared = new long[100];
        Node node = new Node(shared);
        List<Part> parts = DetectorLayout.parts(node, new Node(shared));
        Map<String, Part> by = byComponent(parts);

        assertThat(by.keySet()).containsExactlyInAnyOrder("detector object", "own", "total");
        Part root = by.get("detector object");
        assertThat(root.data()).isEqualTo(8);
        assertThat(root.references()).isPositive();
        Part own = by.get("own");
        assertThat(own.types()).isEqualTo("int[]");
        assertThat(own.data()).isEqualTo(12);
        assertThat(own.references()).isZero();
        assertThat(own.headers()).isPositive();

        Part total = parts.get(parts.size() - 1);
        assertThat(total.component()).isEqualTo("total");
        assertThat(total.objects()).isEqualTo(2);
        assertThat(total.data()).isEqualTo(20);
        // The shared array (800 B of data) is left out: only what the node alone holds is counted.
        assertThat(total.bytes()).isEqualTo(GraphLayout.parseInstance(node).totalSize()
                - GraphLayout.parseInstance((Object) shared).totalSize());
    }

    /**
     * Pins the default detector's data on a series without a season, field by field: a field added to the state
     * shows here first. The bytes themselves depend on the JVM's object layout; the data does not.
     */
    @Test
    void defaultDetectorDataOnASeriesWithoutASeason() {
        List<Part> parts = DetectorLayout.parts("default", DetectorMemory.Shape.NOISE);
        Map<String, Part> by = byComponent(parts);

        assertThat(by.keySet()).containsExactlyInAnyOrder("detector object", "level", "variance", "flat",
                "seasonalTail", "seasonal", "recent", "total");
        // Input counters (5 longs), n, the sampling step and last timestamp, six running doubles, the magnitude view's
        // mean, variance and count, two run lengths and the suppression window in seconds.
        assertThat(by.get("detector object").data()).isEqualTo(40 + 8 + 16 + 48 + 16 + 8 + 8 + 4);
        // Mean, variance, count, three bins, three float masses.
        for (String calibration : List.of("level", "variance", "flat", "seasonalTail")) {
            assertThat(by.get(calibration).data()).as(calibration).isEqualTo(8 + 8 + 4 + 3 + 12);
        }
        // Size and last tick, and six entries.
        assertThat(by.get("recent").data()).isEqualTo(8 + 48);
        // Period, phase, n, four doubles, and a profile of one float.
        assertThat(by.get("seasonal").data()).isEqualTo(4 + 4 + 8 + 32 + 4);
        assertThat(parts.get(parts.size() - 1).data()).isEqualTo(396);
        assertThat(DetectorLayout.table("default-noise detector", parts))
                .contains("| level (TailCalibrator) | 1 |")
                .contains("| **total** | 9 |");
    }

    @Test
    void aSeasonalProfileAddsFourBytesOfDataPerPhase() {
        Part seasonal = byComponent(DetectorLayout.parts("default", DetectorMemory.Shape.CYCLE)).get("seasonal");

        // DetectorMemory's cycle is a sine of period 2 pi 20 = 125.7 values; the model finds 125 or 126.
        assertThat(seasonal.data() - 48).isBetween(4L * 125, 4L * 126);
        assertThat(seasonal.types()).isEqualTo("SeasonalModel, float[]");
    }
}
