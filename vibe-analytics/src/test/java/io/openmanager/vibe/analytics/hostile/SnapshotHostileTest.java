package io.openmanager.vibe.analytics.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import io.openmanager.vibe.analytics.detect.CusumDetector;
import io.openmanager.vibe.analytics.detect.DetectorSnapshot;
import io.openmanager.vibe.analytics.detect.EwmaDetector;
import io.openmanager.vibe.analytics.detect.MahalanobisDetector;
import io.openmanager.vibe.analytics.detect.PageHinkleyDetector;
import io.openmanager.vibe.analytics.detect.RobustWindowDetector;
import io.openmanager.vibe.analytics.detect.SeasonalDetector;
import io.openmanager.vibe.analytics.detect.ThresholdDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Issue 17, finding 12: a snapshot edited by hand or by an attacker restores only if a detector could have written
 * it. Every building-block detector refuses what no detector writes, naming the field and value, when the snapshot is
 * read or restored; whatever it accepts restores to a detector that keeps its promises (never throws, scores in
 * [0, 1]).
 */
class SnapshotHostileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static double value(int t) {
        return 50 + 10 * Math.sin(t / 20.0) + (t % 97 == 0 ? 40 : 0) + ((t * 7919) % 13) / 13.0;
    }

    private static ObjectNode snapshotAfter(String detector, int values) {
        AnomalyDetector d = AnomalyDetectors.create(detector);
        for (int t = 0; t < values; t++) {
            d.update(t * 60_000L, value(t));
        }
        return JSON.valueToTree(d.snapshot());
    }

    @Test
    void aRobustWindowOfNaNsIsRefusedNamingTheValue() {
        ObjectNode tree = snapshotAfter(RobustWindowDetector.NAME, 300);
        ArrayNode values = (ArrayNode) tree.get("values");
        for (int i = 0; i < values.size(); i++) {
            values.set(i, NODES.textNode("NaN"));
        }
        assertThatThrownBy(() -> JSON.treeToValue(tree, DetectorSnapshot.class).restore())
                .hasMessageContaining("values[0] must be a value a detector accepts: NaN");
    }

    @Test
    void hugeWindowsAndLearnCountsAreRefusedBeforeAnythingIsAllocated() {
        ObjectNode window = snapshotAfter(RobustWindowDetector.NAME, 300);
        window.put("window", Integer.MAX_VALUE);
        assertThatThrownBy(() -> JSON.treeToValue(window, DetectorSnapshot.class).restore())
                .hasMessageContaining("window must be <= 1048576: 2147483647");
        ObjectNode learn = snapshotAfter(SeasonalDetector.NAME, 100);
        learn.put("learn", Integer.MAX_VALUE);
        assertThatThrownBy(() -> JSON.treeToValue(learn, DetectorSnapshot.class).restore())
                .hasMessageContaining("learn must be <= 1048576: 2147483647");
    }

    @Test
    void aCovarianceOfTheWrongSizeIsRefused() {
        MahalanobisDetector d = new MahalanobisDetector(2);
        for (int t = 0; t < 100; t++) {
            d.update(t, new double[] {value(t), value(t + 3)});
        }
        MahalanobisDetector.Snapshot s = d.snapshot();
        assertThatThrownBy(() -> new MahalanobisDetector.Snapshot(2, s.alpha(), s.warmup(), s.n(), s.mean(),
                new double[3], s.counters())).hasMessageContaining("covariance must hold dimensions^2 = 4 values: 3");
        double[] negative = s.covariance();
        negative[3] = -1;
        assertThatThrownBy(() -> new MahalanobisDetector.Snapshot(2, s.alpha(), s.warmup(), s.n(), s.mean(),
                negative, s.counters())).hasMessageContaining("covariance[3] (a variance) must be >= 0 and finite: -1");
        assertThat(s.restore().snapshot()).isEqualTo(s);
    }

    /**
     * Every numeric field of every building block's snapshot, set to each hostile value in turn: refused with the
     * field named, or restored to a detector that scores 500 more values in [0, 1] without throwing.
     */
    @ParameterizedTest
    @ValueSource(strings = {ThresholdDetector.NAME, EwmaDetector.NAME, RobustWindowDetector.NAME, CusumDetector.NAME,
            PageHinkleyDetector.NAME, SeasonalDetector.NAME})
    void everyTamperedFieldIsRefusedOrHarmless(String detector) {
        JsonNode[] hostile = {NODES.textNode("NaN"), NODES.textNode("Infinity"), NODES.textNode("-Infinity"),
            NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(1e308), NODES.numberNode(-1e308),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.booleanNode(true)};
        int refused = 0;
        int accepted = 0;
        for (int values : new int[] {10, 700}) {
            ObjectNode original = snapshotAfter(detector, values);
            for (String path : numericPaths(original, "")) {
                for (JsonNode bad : hostile) {
                    ObjectNode tree = original.deepCopy();
                    set(tree, path, bad);
                    AnomalyDetector restored;
                    try {
                        restored = JSON.treeToValue(tree, DetectorSnapshot.class).restore();
                    } catch (Exception | Error refusal) {
                        assertThat(refusal).as("%s: %s = %s", detector, path, bad)
                                .isNotInstanceOfAny(ArrayIndexOutOfBoundsException.class, OutOfMemoryError.class,
                                        NullPointerException.class);
                        refused++;
                        continue;
                    }
                    accepted++;
                    for (int t = 0; t < 500; t++) {
                        double score = restored.update(1_000_000_000L + t * 60_000L, value(t));
                        assertThat(score).as("%s: %s = %s, value %d", detector, path, bad, t).isBetween(0.0, 1.0);
                    }
                    restored.snapshot();
                }
            }
        }
        assertThat(refused).as("refusals").isPositive();
        assertThat(accepted).as("harmless edits").isPositive();
    }

    private static List<String> numericPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                paths.addAll(numericPaths(field.getValue(), prefix + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 3); i++) {
                paths.addAll(numericPaths(node.get(i), prefix + "/" + i));
            }
        } else if (node.isNumber() || node.isBoolean()) {
            paths.add(prefix);
        }
        return paths;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
