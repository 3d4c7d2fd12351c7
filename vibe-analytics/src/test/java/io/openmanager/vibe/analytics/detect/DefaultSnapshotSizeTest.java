package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The default detector's snapshot as JSON (what a Flink checkpoint writes per series) after 1,000 values, with and
 * without a season: bounded, and equal after a round trip. Prints the sizes the README quotes.
 */
class DefaultSnapshotSizeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int jsonBytes(boolean cycle) throws Exception {
        AnomalyDetector d = AnomalyDetectors.create(AnomalyDetectors.DEFAULT);
        SplittableRandom noise = new SplittableRandom(1);
        for (int t = 0; t < 1_000; t++) {
            d.update(t * 60_000L, cycle ? 50 + 10 * Math.sin(t / 20.0) + (t % 3) : 50 + 5 * noise.nextGaussian());
        }
        byte[] json = JSON.writeValueAsBytes(d.snapshot());
        assertThat(JSON.readValue(json, DetectorSnapshot.class)).isEqualTo(d.snapshot());
        System.out.printf("default detector snapshot, %s: %d bytes of JSON%n", cycle ? "cycle" : "noise", json.length);
        return json.length;
    }

    @Test
    void aSnapshotWithoutASeasonIsAboutOneAndAHalfKilobytes() throws Exception {
        assertThat(jsonBytes(false)).isBetween(1_000, 1_700);
    }

    @Test
    void aSeasonOf126ValuesAddsItsProfile() throws Exception {
        assertThat(jsonBytes(true)).isBetween(3_000, 4_200);
    }
}
