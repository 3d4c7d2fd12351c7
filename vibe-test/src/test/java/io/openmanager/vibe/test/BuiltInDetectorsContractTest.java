package io.openmanager.vibe.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import io.openmanager.vibe.analytics.detect.DetectorSnapshot;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/**
 * Every detector registered with {@link AnomalyDetectors} keeps the contract, checked by the kit a third party uses;
 * snapshots make the round trip through JSON, as the pipeline's checkpoints do.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("names")
class BuiltInDetectorsContractTest extends DetectorContractKit {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    String name;

    static List<String> names() {
        return AnomalyDetectors.names();
    }

    @Override
    protected AnomalyDetector newDetector() {
        return AnomalyDetectors.create(name);
    }

    @Override
    protected DetectorSnapshot roundTrip(DetectorSnapshot snapshot) throws Exception {
        String json = JSON.writeValueAsString(snapshot);
        if (!json.contains("\"type\":\"" + name + "\"")) {
            throw new AssertionError("the JSON of a " + name + " snapshot does not name its type: " + json);
        }
        return JSON.readValue(json, DetectorSnapshot.class);
    }
}
