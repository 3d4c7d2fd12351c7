package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detectors whose only logarithm is {@link Scores#fromZ}'s (computed by {@link Log}, plain Java arithmetic), and
 * those with none, give the same bits on every JVM and CPU: their scores are pinned here bit for bit. The input is
 * made with arithmetic only (no {@code Math.log} or {@code Math.cos}), so it is the same everywhere too.
 */
class PlatformIndependentScoresTest {
    private static double[] series() {
        Synthetic random = new Synthetic(31);
        double[] x = new double[50_000];
        for (int i = 0; i < x.length; i++) {
            double noise = 0.0;
            for (int k = 0; k < 12; k++) {
                noise += random.uniform();
            }
            double phase = (i % 288) / 288.0;
            x[i] = 50.0 + 20.0 * phase * (1.0 - phase) + 3.0 * (noise - 6.0);
            if (i % 4_999 == 0) {
                x[i] += 40.0 + 10.0 * random.uniform();
            }
        }
        return x;
    }

    @ParameterizedTest
    @CsvSource({
        "ewma, a188037c72e5a6b282f881068e860fa5",
        "seasonal, 377400633955605c097f1c895ce490d2",
        "robust-window, 28c9c7cf2437a21b7ea943da66d0ea3d",
        "threshold, 03eb2ba8e86bd4d70b4bf752f3584f3b",
        "cusum, b28b28599aca3ad5429598f932437faf",
        "page-hinkley, fce844fe3d9f6be5b438a21cb8bb49d7",
    })
    void scoresArePinnedBitForBit(String name, String expectedDigest) throws Exception {
        double[] scores = Synthetic.run(AnomalyDetectors.create(name), series());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(8);
        for (double s : scores) {
            buffer.clear();
            sha.update(buffer.putDouble(s).array());
        }
        assertThat(HexFormat.of().formatHex(sha.digest(), 0, 16)).as(name).isEqualTo(expectedDigest);
    }
}
