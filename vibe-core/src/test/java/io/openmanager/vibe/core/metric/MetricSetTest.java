package io.openmanager.vibe.core.metric;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MetricSet}: dense indexes, the standard six at fixed positions, unique names in every convention. */
class MetricSetTest {
    private static final Metric QUEUE_DEPTH = Metric.builder("queue_depth").range(0, Double.POSITIVE_INFINITY)
            .build();

    @Test
    void standardIndexConstantsAreFixed() {
        assertThat(MetricSet.CPU).isEqualTo(0);
        assertThat(MetricSet.MEMORY).isEqualTo(1);
        assertThat(MetricSet.DISK).isEqualTo(2);
        assertThat(MetricSet.NETWORK_IN).isEqualTo(3);
        assertThat(MetricSet.NETWORK_OUT).isEqualTo(4);
        assertThat(MetricSet.RESPONSE_TIME).isEqualTo(5);
    }

    @Test
    void standardSetHoldsTheSixMetricsAtTheirFixedIndexes() {
        MetricSet standard = MetricSet.standard();

        assertThat(standard.size()).isEqualTo(6);
        assertThat(standard.get(MetricSet.CPU)).isSameAs(Metric.CPU_USAGE);
        assertThat(standard.get(MetricSet.MEMORY)).isSameAs(Metric.MEMORY_USAGE);
        assertThat(standard.get(MetricSet.DISK)).isSameAs(Metric.DISK_USAGE);
        assertThat(standard.get(MetricSet.NETWORK_IN)).isSameAs(Metric.NETWORK_IN);
        assertThat(standard.get(MetricSet.NETWORK_OUT)).isSameAs(Metric.NETWORK_OUT);
        assertThat(standard.get(MetricSet.RESPONSE_TIME)).isSameAs(Metric.RESPONSE_TIME);
        assertThat(standard.metrics()).containsExactly(Metric.CPU_USAGE, Metric.MEMORY_USAGE, Metric.DISK_USAGE,
                Metric.NETWORK_IN, Metric.NETWORK_OUT, Metric.RESPONSE_TIME);
    }

    @Test
    void builderWithStandardFirstKeepsTheStandardIndexesAndAppendsUserMetrics() {
        MetricSet set = MetricSet.builder().addStandard().add(QUEUE_DEPTH).build();

        assertThat(set.size()).isEqualTo(7);
        for (int i = 0; i < 6; i++) {
            assertThat(set.get(i)).isSameAs(MetricSet.standard().get(i));
        }
        assertThat(set.get(6)).isSameAs(QUEUE_DEPTH);
        assertThat(set.indexOf(QUEUE_DEPTH)).isEqualTo(6);
    }

    @Test
    void findsAMetricByItsNameInAnyConvention() {
        MetricSet standard = MetricSet.standard();
        for (int i = 0; i < standard.size(); i++) {
            Metric metric = standard.get(i);
            for (NamingConvention convention : NamingConvention.values()) {
                assertThat(standard.indexOf(metric.nameIn(convention))).as("%s in %s", metric.name(), convention)
                        .isEqualTo(i);
            }
        }
        assertThat(standard.indexOf("system.cpu.utilization")).isEqualTo(MetricSet.CPU);
        assertThat(standard.indexOf("http_server_request_duration_seconds")).isEqualTo(MetricSet.RESPONSE_TIME);
    }

    @Test
    void unknownNamesAndMetricsHaveIndexMinusOne() {
        MetricSet standard = MetricSet.standard();

        assertThat(standard.indexOf("load_average")).isEqualTo(-1);
        assertThat(standard.indexOf((String) null)).isEqualTo(-1);
        assertThat(standard.indexOf(QUEUE_DEPTH)).isEqualTo(-1);
    }

    @Test
    void aDifferentMetricWithAKnownNameIsNotFound() {
        Metric impostor = Metric.builder("cpu_usage").unit("%").range(0, 100).build();

        assertThat(MetricSet.standard().indexOf("cpu_usage")).isEqualTo(MetricSet.CPU);
        assertThat(MetricSet.standard().indexOf(impostor)).isEqualTo(-1);
    }

    @Test
    void requireReturnsTheIndexOfAKnownName() {
        assertThat(MetricSet.standard().require("disk_usage")).isEqualTo(MetricSet.DISK);
        assertThat(MetricSet.standard().require("node_network_transmit_bytes_per_second"))
                .isEqualTo(MetricSet.NETWORK_OUT);
    }

    @Test
    void requireOfAnUnknownNameListsTheKnownMetrics() {
        assertThatThrownBy(() -> MetricSet.standard().require("cpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown metric 'cpu'")
                .hasMessageContaining("cpu_usage, memory_usage, disk_usage, network_in, network_out, response_time");
    }

    @Test
    void getOutsideTheSetFailsNamingTheIndexAndTheSize() {
        assertThatThrownBy(() -> MetricSet.standard().get(6))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("6").hasMessageContaining("set of 6");
        assertThatThrownBy(() -> MetricSet.standard().get(-1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("-1");
    }

    // ---- uniqueness -------------------------------------------------------------------------------------------

    @Test
    void aNameUsedByAnotherMetricInAnotherConventionIsRefusedNamingBothPositions() {
        Metric clash = Metric.builder("my_metric").prometheus("cpu_usage", "1", 1).build();

        assertThatThrownBy(() -> MetricSet.builder().addStandard().add(clash).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate metric name 'cpu_usage'")
                .hasMessageContaining("prometheus")
                .hasMessageContaining("positions 0 and 6");
    }

    @Test
    void aSeedNameEqualToAnotherMetricsOtelNameIsRefused() {
        Metric clash = Metric.builder("system.memory.utilization").build();

        assertThatThrownBy(() -> MetricSet.of(List.of(Metric.MEMORY_USAGE, clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'system.memory.utilization'")
                .hasMessageContaining("positions 0 and 1");
    }

    @Test
    void theSameMetricTwiceIsRefused() {
        assertThatThrownBy(() -> MetricSet.builder().addStandard().addStandard().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate metric name 'cpu_usage'")
                .hasMessageContaining("positions 0 and 6");
    }

    @Test
    void oneMetricMayUseTheSameNameInSeveralConventions() {
        // By default a custom metric's Prometheus name is its seed name.
        MetricSet set = MetricSet.of(List.of(QUEUE_DEPTH));

        assertThat(set.indexOf("queue_depth")).isZero();
        assertThat(set.indexOf("custom.queue.depth")).isZero();
    }

    @Property(tries = 200)
    void everyNameOfEveryMetricFindsItsIndex(@ForAll("distinctCustomNames") List<String> names) {
        MetricSet.Builder builder = MetricSet.builder().addStandard();
        for (String name : names) {
            builder.add(Metric.builder(name).build());
        }
        MetricSet set = builder.build();

        assertThat(set.size()).isEqualTo(6 + names.size());
        for (int i = 0; i < set.size(); i++) {
            for (NamingConvention convention : NamingConvention.values()) {
                assertThat(set.indexOf(set.get(i).nameIn(convention))).isEqualTo(i);
            }
            assertThat(set.indexOf(set.get(i))).isEqualTo(i);
            assertThat(set.require(set.get(i).name())).isEqualTo(i);
        }
    }

    @Test
    void emptySetIsRefused() {
        assertThatThrownBy(() -> MetricSet.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one metric");
        assertThatThrownBy(() -> MetricSet.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one metric");
    }

    @Test
    void nullMetricsAreRefusedNamingTheField() {
        List<Metric> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> MetricSet.of(null)).hasMessage("metrics must not be null");
        assertThatThrownBy(() -> MetricSet.of(withNull)).hasMessage("metric must not be null");
        assertThatThrownBy(() -> MetricSet.builder().add(null)).hasMessage("metric must not be null");
    }

    // ---- immutability and equality ----------------------------------------------------------------------------

    @Test
    void metricsListIsUnmodifiableAndADefensiveCopy() {
        List<Metric> source = new ArrayList<>(List.of(Metric.CPU_USAGE));
        MetricSet set = MetricSet.of(source);
        source.add(Metric.DISK_USAGE);

        assertThat(set.size()).isEqualTo(1);
        assertThatThrownBy(() -> set.metrics().add(Metric.DISK_USAGE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setsWithTheSameMetricsInTheSameOrderAreEqual() {
        MetricSet rebuilt = MetricSet.builder().addStandard().build();

        assertThat(rebuilt).isEqualTo(MetricSet.standard()).hasSameHashCodeAs(MetricSet.standard());
        assertThat(MetricSet.of(List.of(Metric.DISK_USAGE, Metric.CPU_USAGE)))
                .isNotEqualTo(MetricSet.of(List.of(Metric.CPU_USAGE, Metric.DISK_USAGE)));
    }

    /**
     * Distinct lower-case names without '_' or '.', so that their default external names (custom.name, name) cannot
     * clash with each other or with the standard metrics.
     */
    @Provide
    Arbitrary<List<String>> distinctCustomNames() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .list().uniqueElements().ofMaxSize(20);
    }
}
