package io.openmanager.vibe.core.metric;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.openmanager.vibe.core.metric.NamingConvention.OPENTELEMETRY;
import static io.openmanager.vibe.core.metric.NamingConvention.PROMETHEUS;
import static io.openmanager.vibe.core.metric.NamingConvention.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@link Metric}: names, units and scales in the three conventions, valid ranges, the builder. */
class MetricTest {

    // ---- the standard metrics in the three conventions --------------------------------------------------------

    static Stream<Arguments> standardNames() {
        return Stream.of(
                arguments(Metric.CPU_USAGE, "cpu_usage", "%", "system.cpu.utilization", "1",
                        "node_cpu_utilization_ratio", "ratio"),
                arguments(Metric.MEMORY_USAGE, "memory_usage", "%", "system.memory.utilization", "1",
                        "node_memory_utilization_ratio", "ratio"),
                arguments(Metric.DISK_USAGE, "disk_usage", "%", "system.filesystem.utilization", "1",
                        "node_filesystem_utilization_ratio", "ratio"),
                arguments(Metric.NETWORK_IN, "network_in", "MB/s", "system.network.io.receive", "By/s",
                        "node_network_receive_bytes_per_second", "bytes"),
                arguments(Metric.NETWORK_OUT, "network_out", "MB/s", "system.network.io.transmit", "By/s",
                        "node_network_transmit_bytes_per_second", "bytes"),
                arguments(Metric.RESPONSE_TIME, "response_time", "ms", "http.server.request.duration", "s",
                        "http_server_request_duration_seconds", "seconds"));
    }

    @ParameterizedTest
    @MethodSource("standardNames")
    void standardMetricHasItsNameAndUnitInEachConvention(Metric metric, String seed, String seedUnit, String otel,
                                                         String otelUnit, String prometheus, String promUnit) {
        assertThat(metric.name()).isEqualTo(seed);
        assertThat(metric.nameIn(SEED)).isEqualTo(seed);
        assertThat(metric.unitIn(SEED)).isEqualTo(seedUnit).isEqualTo(metric.unit());
        assertThat(metric.nameIn(OPENTELEMETRY)).isEqualTo(otel);
        assertThat(metric.unitIn(OPENTELEMETRY)).isEqualTo(otelUnit);
        assertThat(metric.nameIn(PROMETHEUS)).isEqualTo(prometheus);
        assertThat(metric.unitIn(PROMETHEUS)).isEqualTo(promUnit);
    }

    @Test
    void percentagesBecomeRatiosOutsideTheSeedConvention() {
        assertThat(Metric.CPU_USAGE.toConvention(OPENTELEMETRY, 42)).isCloseTo(0.42, within(1e-15));
        assertThat(Metric.CPU_USAGE.toConvention(PROMETHEUS, 42)).isCloseTo(0.42, within(1e-15));
        assertThat(Metric.MEMORY_USAGE.toConvention(OPENTELEMETRY, 100)).isCloseTo(1.0, within(1e-15));
        assertThat(Metric.DISK_USAGE.toConvention(PROMETHEUS, 0)).isZero();
    }

    @Test
    void millisecondsBecomeSecondsOutsideTheSeedConvention() {
        assertThat(Metric.RESPONSE_TIME.toConvention(OPENTELEMETRY, 1500)).isCloseTo(1.5, within(1e-15));
        assertThat(Metric.RESPONSE_TIME.toConvention(PROMETHEUS, 1500)).isCloseTo(1.5, within(1e-15));
    }

    @Test
    void megabytesPerSecondBecomeBytesPerSecondOutsideTheSeedConvention() {
        assertThat(Metric.NETWORK_IN.toConvention(OPENTELEMETRY, 2)).isEqualTo(2e6);
        assertThat(Metric.NETWORK_OUT.toConvention(PROMETHEUS, 2)).isEqualTo(2e6);
    }

    @Property
    void theSeedConventionKeepsValuesUnchanged(@ForAll("standardMetrics") Metric metric, @ForAll double value) {
        assertThat(metric.toConvention(SEED, value)).isEqualTo(value);
    }

    @Property
    void conversionMultipliesByTheConventionsScale(@ForAll("standardMetrics") Metric metric,
                                                   @ForAll double value) {
        assertThat(metric.toConvention(OPENTELEMETRY, value)).isEqualTo(value * metric.otel().scale());
        assertThat(metric.toConvention(PROMETHEUS, value)).isEqualTo(value * metric.prometheus().scale());
    }

    // ---- valid range, isValid, clamp ---------------------------------------------------------------------------

    @Test
    void standardRanges() {
        assertThat(Metric.CPU_USAGE.min()).isZero();
        assertThat(Metric.CPU_USAGE.max()).isEqualTo(100);
        assertThat(Metric.MEMORY_USAGE.max()).isEqualTo(100);
        assertThat(Metric.DISK_USAGE.max()).isEqualTo(100);
        assertThat(Metric.NETWORK_IN.max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Metric.NETWORK_OUT.max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Metric.RESPONSE_TIME.max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Metric.NETWORK_IN.min()).isZero();
        assertThat(Metric.RESPONSE_TIME.min()).isZero();
    }

    @Property
    void nanIsNeverValid(@ForAll("anyMetric") Metric metric) {
        assertThat(metric.isValid(Double.NaN)).isFalse();
    }

    @Property
    void clampKeepsNanBecauseItMeansMissing(@ForAll("anyMetric") Metric metric) {
        assertThat(metric.clamp(Double.NaN)).isNaN();
    }

    @Property
    void aValueIsValidExactlyWhenItLiesInTheInclusiveRange(@ForAll("anyMetric") Metric metric,
                                                           @ForAll double value) {
        boolean inRange = !Double.isNaN(value) && metric.min() <= value && value <= metric.max();
        assertThat(metric.isValid(value)).isEqualTo(inRange);
    }

    @Property
    void theBoundsThemselvesAreValid(@ForAll("anyMetric") Metric metric) {
        assertThat(metric.isValid(metric.min())).isTrue();
        assertThat(metric.isValid(metric.max())).isTrue();
    }

    @Property
    void clampedValuesAreValidAndClampingIsIdempotent(@ForAll("anyMetric") Metric metric, @ForAll double value) {
        double clamped = metric.clamp(value);
        if (Double.isNaN(value)) {
            assertThat(clamped).isNaN();
            return;
        }
        assertThat(metric.isValid(clamped)).isTrue();
        assertThat(metric.clamp(clamped)).isEqualTo(clamped);
    }

    @Property
    void clampLeavesValidValuesAloneAndMovesOthersToTheNearestBound(@ForAll("anyMetric") Metric metric,
                                                                     @ForAll double value) {
        double clamped = metric.clamp(value);
        if (metric.isValid(value)) {
            assertThat(clamped).isEqualTo(value);
        } else if (value < metric.min()) {
            assertThat(clamped).isEqualTo(metric.min());
        } else if (value > metric.max()) {
            assertThat(clamped).isEqualTo(metric.max());
        }
    }

    @Test
    void invertedRangeIsRefusedNamingTheMetricAndBothBounds() {
        assertThatThrownBy(() -> Metric.builder("queue_depth").range(10, 5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'queue_depth'")
                .hasMessageContaining("10.0")
                .hasMessageContaining("5.0");
    }

    @Test
    void rangesThatAreNotRealIntervalsAreRefused() {
        assertThatThrownBy(() -> Metric.builder("m").range(Double.NaN, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'m'").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Metric.builder("m").range(0, Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Metric.builder("m").range(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Metric.builder("m").range(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Infinity");
    }

    @Test
    void aSinglePointRangeIsAllowed() {
        Metric constant = Metric.builder("always_one").range(1, 1).build();
        assertThat(constant.isValid(1)).isTrue();
        assertThat(constant.clamp(7)).isEqualTo(1);
    }

    @Test
    void invalidNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Metric.builder("cpu usage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name ")
                .hasMessageContaining("'cpu usage'");
        assertThatThrownBy(() -> Metric.builder(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name ");
        assertThatThrownBy(() -> Metric.builder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name must not be null");
    }

    @Test
    void nullFieldsAreRefusedNamingTheField() {
        ExternalName e = new ExternalName("x", "1", 1);
        assertThatThrownBy(() -> new Metric("m", null, 0, 1, "", e, e)).hasMessage("unit must not be null");
        assertThatThrownBy(() -> new Metric("m", "1", 0, 1, null, e, e)).hasMessage("description must not be null");
        assertThatThrownBy(() -> new Metric("m", "1", 0, 1, "", null, e)).hasMessage("otel must not be null");
        assertThatThrownBy(() -> new Metric("m", "1", 0, 1, "", e, null)).hasMessage("prometheus must not be null");
    }

    // ---- builder ----------------------------------------------------------------------------------------------

    @Test
    void builderDefaults() {
        Metric metric = Metric.builder("queue_depth").build();

        assertThat(metric.name()).isEqualTo("queue_depth");
        assertThat(metric.unit()).isEqualTo("1");
        assertThat(metric.min()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(metric.max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(metric.description()).isEmpty();
        assertThat(metric.otel()).isEqualTo(new ExternalName("custom.queue.depth", "1", 1));
        assertThat(metric.prometheus()).isEqualTo(new ExternalName("queue_depth", "1", 1));
    }

    @Test
    void builderDefaultExternalNamesUseTheSeedUnit() {
        Metric metric = Metric.builder("gc_pause_total").unit("ms").build();

        assertThat(metric.otel()).isEqualTo(new ExternalName("custom.gc.pause.total", "ms", 1));
        assertThat(metric.prometheus()).isEqualTo(new ExternalName("gc_pause_total", "ms", 1));
        assertThat(metric.toConvention(OPENTELEMETRY, 12.5)).isEqualTo(12.5);
        assertThat(metric.toConvention(PROMETHEUS, 12.5)).isEqualTo(12.5);
    }

    @Test
    void builderKeepsEverythingThatWasSet() {
        Metric metric = Metric.builder("gc_pause").unit("ms").range(0, 60_000).description("GC pause")
                .otel("jvm.gc.duration", "s", 0.001)
                .prometheus("jvm_gc_pause_microseconds", "microseconds", 1000)
                .build();

        assertThat(metric).isEqualTo(new Metric("gc_pause", "ms", 0, 60_000, "GC pause",
                new ExternalName("jvm.gc.duration", "s", 0.001),
                new ExternalName("jvm_gc_pause_microseconds", "microseconds", 1000)));
        assertThat(metric.toConvention(OPENTELEMETRY, 250)).isCloseTo(0.25, within(1e-15));
        assertThat(metric.toConvention(PROMETHEUS, 250)).isEqualTo(250_000);
        assertThat(metric.toConvention(SEED, 250)).isEqualTo(250);
    }

    @Test
    void builderRefusesNullUnitAndDescriptionAtOnce() {
        assertThatThrownBy(() -> Metric.builder("m").unit(null)).hasMessage("unit must not be null");
        assertThatThrownBy(() -> Metric.builder("m").description(null)).hasMessage("description must not be null");
    }

    @Test
    void builderRefusesAnInvalidExternalNameAtOnce() {
        assertThatThrownBy(() -> Metric.builder("m").otel("m", "1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> Metric.builder("m").prometheus(" ", "1", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    // ---- ExternalName -----------------------------------------------------------------------------------------

    @Test
    void externalNameRefusesZeroAndNonFiniteScales() {
        assertThatThrownBy(() -> new ExternalName("x", "1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> new ExternalName("x", "1", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ExternalName("x", "1", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThat(new ExternalName("x", "1", -1).scale()).as("a negative scale is allowed").isEqualTo(-1);
    }

    @Test
    void externalNameRefusesBlankNameAndNullUnit() {
        assertThatThrownBy(() -> new ExternalName("", "1", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name ");
        assertThatThrownBy(() -> new ExternalName("x", null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("unit must not be null");
    }

    // ---- generators -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Metric> standardMetrics() {
        return Arbitraries.of(MetricSet.standard().metrics());
    }

    /** Standard metrics and custom metrics with any real range, bounded or not. */
    @Provide
    Arbitrary<Metric> anyMetric() {
        Arbitrary<Double> bound = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0, -0.0,
                        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE));
        Arbitrary<Metric> custom = Combinators.combine(bound, bound)
                .filter((a, b) -> Math.min(a, b) != Double.POSITIVE_INFINITY
                        && Math.max(a, b) != Double.NEGATIVE_INFINITY)
                .as((a, b) -> Metric.builder("custom_metric").range(Math.min(a, b), Math.max(a, b)).build());
        return Arbitraries.oneOf(standardMetrics(), custom);
    }
}
