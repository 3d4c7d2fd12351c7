package io.openmanager.vibe.core.status;

import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link StatusPolicy}: OpenManager Vibe's default table, layout by metric index, uniqueness, replacement. */
class StatusPolicyTest {

    @Test
    void defaultTableMatchesTheDocumentedValues() {
        assertThat(StatusPolicy.defaults().thresholds()).containsExactly(
                new Threshold("cpu_usage", 75, 90, 5),
                new Threshold("memory_usage", 80, 95, 5),
                new Threshold("disk_usage", 85, 95, 2),
                new Threshold("response_time", 2000, 5000, 250));
    }

    @Test
    void defaultTableHasNoThresholdForNetworkMetrics() {
        assertThat(StatusPolicy.defaults().threshold("network_in")).isEmpty();
        assertThat(StatusPolicy.defaults().threshold("network_out")).isEmpty();
    }

    @Test
    void thresholdsAreLookedUpBySeedName() {
        assertThat(StatusPolicy.defaults().threshold("memory_usage"))
                .contains(new Threshold("memory_usage", 80, 95, 5));
        assertThat(StatusPolicy.defaults().threshold("system.memory.utilization")).isEmpty();
    }

    @Test
    void forMetricsLaysThresholdsOutByMetricIndexWithNullForMetricsWithout() {
        Threshold[] layout = StatusPolicy.defaults().forMetrics(MetricSet.standard());

        assertThat(layout).hasSize(6);
        assertThat(layout[MetricSet.CPU].metric()).isEqualTo("cpu_usage");
        assertThat(layout[MetricSet.MEMORY].metric()).isEqualTo("memory_usage");
        assertThat(layout[MetricSet.DISK].metric()).isEqualTo("disk_usage");
        assertThat(layout[MetricSet.NETWORK_IN]).isNull();
        assertThat(layout[MetricSet.NETWORK_OUT]).isNull();
        assertThat(layout[MetricSet.RESPONSE_TIME].metric()).isEqualTo("response_time");
    }

    @Test
    void forMetricsFollowsTheOrderOfAnyMetricSet() {
        Metric queue = Metric.builder("queue_depth").build();
        MetricSet set = MetricSet.of(List.of(queue, Metric.RESPONSE_TIME, Metric.CPU_USAGE));
        StatusPolicy policy = StatusPolicy.defaults().with(new Threshold("queue_depth", 100, 1000, 10));

        Threshold[] layout = policy.forMetrics(set);

        assertThat(layout).extracting(Threshold::metric).containsExactly("queue_depth", "response_time", "cpu_usage");
    }

    @Test
    void forMetricsReturnsAFreshArrayEachCall() {
        Threshold[] first = StatusPolicy.defaults().forMetrics(MetricSet.standard());
        first[MetricSet.CPU] = null;

        assertThat(StatusPolicy.defaults().forMetrics(MetricSet.standard())[MetricSet.CPU]).isNotNull();
    }

    @Test
    void twoThresholdsForOneMetricAreRefusedNamingBoth() {
        Threshold a = new Threshold("cpu_usage", 75, 90, 5);
        Threshold b = new Threshold("cpu_usage", 60, 80, 1);

        assertThatThrownBy(() -> StatusPolicy.of(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cpu_usage'")
                .hasMessageContaining(a.toString())
                .hasMessageContaining(b.toString());
    }

    @Test
    void withReplacesTheThresholdOfAMetricAndLeavesTheOriginalUnchanged() {
        Threshold stricter = new Threshold("cpu_usage", 60, 80, 2);

        StatusPolicy policy = StatusPolicy.defaults().with(stricter);

        assertThat(policy.threshold("cpu_usage")).contains(stricter);
        assertThat(policy.thresholds()).hasSize(4).contains(stricter)
                .doesNotContain(new Threshold("cpu_usage", 75, 90, 5));
        assertThat(policy.threshold("disk_usage")).isEqualTo(StatusPolicy.defaults().threshold("disk_usage"));
        assertThat(StatusPolicy.defaults().threshold("cpu_usage")).contains(new Threshold("cpu_usage", 75, 90, 5));
    }

    @Test
    void withAddsAThresholdForANewMetric() {
        Threshold network = new Threshold("network_in", 500, 900, 50);

        StatusPolicy policy = StatusPolicy.defaults().with(network);

        assertThat(policy.thresholds()).hasSize(5).endsWith(network);
        assertThat(policy.forMetrics(MetricSet.standard())[MetricSet.NETWORK_IN]).isEqualTo(network);
    }

    @Test
    void ofKeepsTheGivenOrderAndIsADefensiveCopy() {
        List<Threshold> list = new ArrayList<>(List.of(new Threshold("b", 1, 2, 0), new Threshold("a", 1, 2, 0)));
        StatusPolicy policy = StatusPolicy.of(list);
        list.clear();

        assertThat(policy.thresholds()).extracting(Threshold::metric).containsExactly("b", "a");
        assertThatThrownBy(() -> policy.thresholds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyPolicyRaisesNoStatus() {
        StatusPolicy none = StatusPolicy.of(List.of());

        assertThat(none.thresholds()).isEmpty();
        assertThat(none.forMetrics(MetricSet.standard())).containsOnlyNulls();
    }

    @Test
    void nullsAreRefusedNamingTheField() {
        List<Threshold> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> StatusPolicy.of(null)).hasMessage("thresholds must not be null");
        assertThatThrownBy(() -> StatusPolicy.of(withNull)).hasMessage("threshold must not be null");
        assertThatThrownBy(() -> StatusPolicy.defaults().with(null)).hasMessage("threshold must not be null");
    }
}
