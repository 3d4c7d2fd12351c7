package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The registry of detectors: discovery through the service loader and refusal of unknown names and parameters. The
 * promises of {@link AnomalyDetector} itself are checked for every registered detector by vibe-test's
 * DetectorContractKit (BuiltInDetectorsContractTest), the kit a third party's detector extends.
 */
class AnomalyDetectorsTest {
    @Test
    void everyBuiltInDetectorIsDiscoveredThroughServiceLoader() {
        assertThat(AnomalyDetectors.names()).contains("threshold", "ewma", "robust-window", "cusum",
                "page-hinkley", "seasonal", "default");
        assertThat(AnomalyDetectors.loadErrors()).isEmpty();
        assertThat(AnomalyDetectors.createDefault()).isInstanceOf(DefaultDetector.class);
    }

    @Test
    void unknownNamesAndParametersAreRefusedWithTheNameAndValue() {
        assertThatThrownBy(() -> AnomalyDetectors.create("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("ewma");
        assertThatThrownBy(() -> AnomalyDetectors.create("ewma", Map.of("beta", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
        assertThatThrownBy(() -> AnomalyDetectors.create("ewma", Map.of("alpha", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> AnomalyDetectors.create("ewma", Map.of("alpha", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha").hasMessageContaining("2");
        assertThat(AnomalyDetectors.create("ewma", Map.of("alpha", "0.1")).name()).isEqualTo("ewma");
    }
}
