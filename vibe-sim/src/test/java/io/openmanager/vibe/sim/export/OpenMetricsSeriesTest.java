package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

class OpenMetricsSeriesTest {

    @Test
    void namesUnitsAndHelpFollowTheConvention() {
        OpenMetricsSeries prometheus = OpenMetricsSeries.of(MetricSet.standard(), NamingConvention.PROMETHEUS);
        OpenMetricsSeries otel = OpenMetricsSeries.of(MetricSet.standard(), NamingConvention.OPENTELEMETRY);
        OpenMetricsSeries seed = OpenMetricsSeries.of(MetricSet.standard(), NamingConvention.SEED);

        assertThat(prometheus.familyName(MetricSet.CPU)).isEqualTo("node_cpu_utilization_ratio");
        assertThat(prometheus.unit(MetricSet.CPU)).isEqualTo("ratio");
        assertThat(prometheus.unit(MetricSet.RESPONSE_TIME)).isEqualTo("seconds");
        assertThat(otel.familyName(MetricSet.CPU)).isEqualTo("system_cpu_utilization");
        assertThat(otel.unit(MetricSet.CPU)).isEmpty();
        assertThat(seed.familyName(MetricSet.CPU)).isEqualTo("cpu_usage");
        assertThat(seed.unit(MetricSet.CPU)).isEmpty();
        assertThat(seed.help(MetricSet.CPU)).isEqualTo(Metric.CPU_USAGE.description());
    }

    @Test
    void namesThatClashAfterSanitisingAreRefused() {
        MetricSet clashing = MetricSet.of(List.of(
                Metric.builder("a_b").prometheus("a.b", "1", 1).build(),
                Metric.builder("c").prometheus("a_b2", "1", 1).build(),
                Metric.builder("d").prometheus("a-b", "1", 1).build()));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> OpenMetricsSeries.of(clashing, NamingConvention.PROMETHEUS))
                .withMessage("metrics 'a.b' and 'a-b' both become the OpenMetrics family 'a_b'");
    }

    @Test
    void labelsAreWrittenInOrderAndTextIsEscaped() {
        Server server = Server.builder("db.primary-01").environment(Environment.AWS).role(Role.DATABASE).build();
        StringBuilder labels = new StringBuilder();
        StringBuilder escaped = new StringBuilder();

        OpenMetricsSeries.appendLabels(labels, server);
        OpenMetricsSeries.appendEscaped(escaped, "a \"quoted\" back\\slash\nline");

        assertThat(labels).hasToString("server=\"db.primary-01\",environment=\"aws\",role=\"database\"");
        assertThat(OpenMetricsSeries.labelValues(server)).containsExactly("db.primary-01", "aws", "database");
        assertThat(escaped).hasToString("a \\\"quoted\\\" back\\\\slash\\nline");
        assertThat(OpenMetricsSeries.sanitizedName("1system.cpu-x")).isEqualTo("_1system_cpu_x");
    }

    /** The exporters' text and the series' values are one notation: the text parses back to the value, exactly. */
    @ParameterizedTest
    @EnumSource(NamingConvention.class)
    void valuesAreWhatTheOpenMetricsExportParsesTo(NamingConvention naming) {
        Export export = Export.run(ExportFormat.OPENMETRICS, naming, 100, 103);
        OpenMetricsSeries series = OpenMetricsSeries.of(MetricSet.standard(), naming);
        StringBuilder expected = new StringBuilder();
        for (int m = 0; m < series.metrics().size(); m++) {
            expected.append("# TYPE ").append(series.familyName(m)).append(" gauge\n");
            if (!series.unit(m).isEmpty()) {
                expected.append("# UNIT ").append(series.familyName(m)).append(' ').append(series.unit(m))
                        .append('\n');
            }
            expected.append("# HELP ").append(series.familyName(m)).append(' ').append(series.help(m)).append('\n');
            for (int s = 0; s < Export.ENGINE.fleet().size(); s++) {
                for (FleetFrame frame : export.frames) {
                    double value = series.value(frame, s, m);
                    if (Double.isNaN(value)) {
                        continue;
                    }
                    expected.append(series.familyName(m)).append('{');
                    OpenMetricsSeries.appendLabels(expected, Export.ENGINE.fleet().get(s));
                    expected.append("} ");
                    series.appendValue(expected, m, value);
                    expected.append(' ');
                    OpenMetricsExporter.appendSeconds(expected, frame.timestampMillis());
                    expected.append('\n');
                }
            }
        }
        expected.append("# EOF\n");

        assertThat(export.text).isEqualTo(expected.toString());
    }

    @Property
    void roundedIsWhatTheTextParsesTo(@ForAll @DoubleRange(min = -1e17, max = 1e17) double value,
                                      @ForAll @IntRange(min = 0, max = 12) int decimals) {
        StringBuilder text = new StringBuilder();
        FixedDecimal.append(text, value, decimals);

        assertThat(FixedDecimal.rounded(value, decimals)).isEqualTo(Double.parseDouble(text.toString()));
    }

    @Test
    void roundedKeepsMissingValuesMissing() {
        assertThat(FixedDecimal.rounded(Double.NaN, 3)).isNaN();
        assertThat(FixedDecimal.rounded(Double.POSITIVE_INFINITY, 3)).isNaN();
        assertThat(FixedDecimal.rounded(-0.0001, 3)).isEqualTo(0.0).isEqualTo(Double.parseDouble("0"));
        assertThat(Double.doubleToRawLongBits(FixedDecimal.rounded(-0.0001, 3))).isZero();
    }
}
