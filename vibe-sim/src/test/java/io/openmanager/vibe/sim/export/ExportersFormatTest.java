package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each format parses back, with a generic reader of that format, to the frames it was made from. The window starts a
 * few minutes before the day's first incident, so statuses other than healthy occur.
 */
class ExportersFormatTest {
    private static final long FROM = 9_380;
    private static final long TO = 9_440;
    private static final MetricSet METRICS = MetricSet.standard();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The largest distance a rounded value may have from the exact one. */
    private static double tolerance(Metric metric, NamingConvention naming, double value) {
        return 0.5 * Math.pow(10, -FixedDecimal.decimals(metric, naming)) * (1 + 1e-9) + 4 * Math.ulp(value);
    }

    private static double expected(FleetFrame frame, int server, int metric, NamingConvention naming) {
        return METRICS.get(metric).toConvention(naming, frame.value(server, metric));
    }

    @Test
    void windowHasSeveralStatuses() {
        Set<Status> statuses = new HashSet<>();
        for (FleetFrame frame : Export.run(ExportFormat.CSV, NamingConvention.SEED, FROM, TO).frames) {
            for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
                statuses.add(frame.status(s));
            }
        }
        assertThat(statuses).contains(Status.HEALTHY).hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(NamingConvention.class)
    void jsonLinesParseBackToTheFrames(NamingConvention naming) throws Exception {
        Export export = Export.run(ExportFormat.JSON_LINES, naming, FROM, TO);
        List<String> lines = export.lines();
        int servers = Export.ENGINE.fleet().size();
        assertThat(lines).hasSize((int) (TO - FROM) * servers);
        assertThat(export.text).endsWith("}\n");

        List<String> keys = new ArrayList<>(List.of("timestamp", "server", "environment", "role", "status"));
        for (Metric metric : METRICS.metrics()) {
            keys.add(metric.nameIn(naming));
        }
        for (int row = 0; row < lines.size(); row++) {
            FleetFrame frame = export.frames.get(row / servers);
            int s = row % servers;
            Server server = frame.fleet().get(s);
            JsonNode node = MAPPER.readTree(lines.get(row));
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyElementsOf(keys);
            assertThat(Instant.parse(node.get("timestamp").asText())).isEqualTo(frame.timestamp());
            assertThat(node.get("server").asText()).isEqualTo(server.hostname());
            assertThat(node.get("environment").asText()).isEqualTo(server.environment().externalName());
            assertThat(node.get("role").asText()).isEqualTo(server.role().externalName());
            assertThat(node.get("status").asText()).isEqualTo(frame.status(s).name().toLowerCase());
            for (int m = 0; m < METRICS.size(); m++) {
                Metric metric = METRICS.get(m);
                JsonNode value = node.get(metric.nameIn(naming));
                double exact = expected(frame, s, m, naming);
                assertThat(value.isNumber()).as("%s in %s", metric.nameIn(naming), lines.get(row)).isTrue();
                assertThat(value.doubleValue()).isCloseTo(exact,
                        within(tolerance(metric, naming, exact)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NamingConvention.class)
    void csvSplitsBackToTheFrames(NamingConvention naming) {
        Export export = Export.run(ExportFormat.CSV, naming, FROM, TO);
        assertThat(export.text).endsWith("\r\n").doesNotContain("\"");
        String[] records = export.text.split("\r\n");
        int servers = Export.ENGINE.fleet().size();
        assertThat(records).hasSize(1 + (int) (TO - FROM) * servers);

        List<String> header = new ArrayList<>(List.of("timestamp", "server", "environment", "role", "status"));
        for (Metric metric : METRICS.metrics()) {
            header.add(metric.nameIn(naming));
        }
        assertThat(records[0].split(",", -1)).containsExactlyElementsOf(header);
        for (int row = 1; row < records.length; row++) {
            FleetFrame frame = export.frames.get((row - 1) / servers);
            int s = (row - 1) % servers;
            String[] fields = records[row].split(",", -1);
            assertThat(fields).hasSize(header.size());
            assertThat(Instant.parse(fields[0])).isEqualTo(frame.timestamp());
            assertThat(fields[1]).isEqualTo(frame.fleet().get(s).hostname());
            assertThat(fields[4]).isEqualTo(frame.status(s).name().toLowerCase());
            for (int m = 0; m < METRICS.size(); m++) {
                double exact = expected(frame, s, m, naming);
                assertThat(Double.parseDouble(fields[5 + m])).isCloseTo(exact,
                        within(tolerance(METRICS.get(m), naming, exact)));
            }
        }
    }

    private static final Pattern INFLUX_LINE = Pattern.compile(
            "vibe,environment=([a-z]+),role=([a-z]+),server=((?:[^\\\\, =]|\\\\[, =])+),status=([a-z]+) "
                    + "([^ ]+) ([0-9]+)");
    private static final Pattern INFLUX_FIELD = Pattern.compile("([^=,]+)=(-?[0-9]+(?:\\.[0-9]+)?)");

    @ParameterizedTest
    @EnumSource(NamingConvention.class)
    void influxLinesMatchTheProtocol(NamingConvention naming) {
        Export export = Export.run(ExportFormat.INFLUX, naming, FROM, TO);
        List<String> lines = export.lines();
        int servers = Export.ENGINE.fleet().size();
        assertThat(lines).hasSize((int) (TO - FROM) * servers);
        assertThat(export.text).endsWith("\n").doesNotContain("\r");

        for (int row = 0; row < lines.size(); row++) {
            FleetFrame frame = export.frames.get(row / servers);
            int s = row % servers;
            Matcher line = INFLUX_LINE.matcher(lines.get(row));
            assertThat(line.matches()).as(lines.get(row)).isTrue();
            assertThat(line.group(3)).isEqualTo(frame.fleet().get(s).hostname());
            assertThat(line.group(4)).isEqualTo(frame.status(s).name().toLowerCase());
            assertThat(Long.parseLong(line.group(6))).isEqualTo(frame.timestampMillis() * 1_000_000L);
            Map<String, Double> fields = new LinkedHashMap<>();
            for (String field : line.group(5).split(",")) {
                Matcher f = INFLUX_FIELD.matcher(field);
                assertThat(f.matches()).as(field).isTrue();
                fields.put(f.group(1), Double.parseDouble(f.group(2)));
            }
            assertThat(fields).hasSize(METRICS.size());
            for (int m = 0; m < METRICS.size(); m++) {
                double exact = expected(frame, s, m, naming);
                assertThat(fields.get(METRICS.get(m).nameIn(naming))).isCloseTo(exact,
                        within(tolerance(METRICS.get(m), naming, exact)));
            }
        }
    }

    // The text format's ABNF, restricted to what a gauge exposition with timestamps uses.
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String ESCAPED = "(?:[^\"\\\\\\n]|\\\\[n\"\\\\])*";
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") gauge");
    private static final Pattern UNIT = Pattern.compile("# UNIT (" + NAME + ") ([a-zA-Z0-9_:]*)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") " + ESCAPED.replace("\"", ""));
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{server=\"" + ESCAPED
            + "\",environment=\"" + ESCAPED + "\",role=\"" + ESCAPED + "\"\\}) (-?[0-9]+(?:\\.[0-9]+)?) "
            + "(-?[0-9]+(?:\\.[0-9]+)?)");

    @ParameterizedTest
    @EnumSource(NamingConvention.class)
    void openMetricsFollowsTheGrammarWithoutInterleaving(NamingConvention naming) {
        Export export = Export.run(ExportFormat.OPENMETRICS, naming, FROM, TO);
        assertThat(export.text).endsWith("\n# EOF\n").doesNotContain("\r");
        List<String> lines = export.lines();
        int servers = Export.ENGINE.fleet().size();

        List<String> families = new ArrayList<>();
        Set<String> finishedSeries = new HashSet<>();
        String currentSeries = null;
        double lastTimestamp = Double.NEGATIVE_INFINITY;
        int samples = 0;
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (type.matches()) {
                assertThat(families).as("family %s appears once", type.group(1)).doesNotContain(type.group(1));
                families.add(type.group(1));
            } else if (sample.matches()) {
                assertThat(sample.group(1)).isEqualTo(families.get(families.size() - 1));
                String series = sample.group(1) + sample.group(2);
                double timestamp = Double.parseDouble(sample.group(4));
                if (!series.equals(currentSeries)) {
                    assertThat(finishedSeries.add(currentSeries == null ? "" : currentSeries)).isTrue();
                    assertThat(finishedSeries).as("series %s is not interleaved", series).doesNotContain(series);
                    currentSeries = series;
                } else {
                    assertThat(timestamp).isGreaterThan(lastTimestamp);
                }
                lastTimestamp = timestamp;
                samples++;
            } else {
                assertThat(UNIT.matcher(line).matches() || HELP.matcher(line).matches())
                        .as("metadata line %s", line).isTrue();
            }
        }
        List<String> expectedFamilies = new ArrayList<>();
        for (Metric metric : METRICS.metrics()) {
            expectedFamilies.add(metric.nameIn(naming).replace('.', '_'));
        }
        assertThat(families).containsExactlyElementsOf(expectedFamilies);
        assertThat(samples).isEqualTo((TO - FROM) * servers * METRICS.size());
    }

    @Test
    void openMetricsValuesAndTimestampsParseBackToTheFrames() {
        Export export = Export.run(ExportFormat.OPENMETRICS, NamingConvention.SEED, FROM, TO);
        int ticks = (int) (TO - FROM);
        int servers = Export.ENGINE.fleet().size();
        int index = 0;
        for (String line : export.lines()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            int m = index / (servers * ticks);
            int s = index / ticks % servers;
            FleetFrame frame = export.frames.get(index % ticks);
            double exact = expected(frame, s, m, NamingConvention.SEED);
            assertThat(sample.group(1)).isEqualTo(METRICS.get(m).name());
            assertThat(sample.group(2)).contains("server=\"" + frame.fleet().get(s).hostname() + "\"");
            assertThat(Double.parseDouble(sample.group(3))).isCloseTo(exact,
                    within(tolerance(METRICS.get(m), NamingConvention.SEED, exact)));
            assertThat(sample.group(4)).isEqualTo(Long.toString(frame.timestampMillis() / 1000));
            index++;
        }
        assertThat(index).isEqualTo(ticks * servers * METRICS.size());
    }

    @Test
    void openMetricsUnitOnlyWhereTheNameEndsWithIt() {
        List<String> prometheus = Export.run(ExportFormat.OPENMETRICS, NamingConvention.PROMETHEUS, 0, 1).lines();
        assertThat(prometheus).filteredOn(line -> line.startsWith("# UNIT")).containsExactly(
                "# UNIT node_cpu_utilization_ratio ratio",
                "# UNIT node_memory_utilization_ratio ratio",
                "# UNIT node_filesystem_utilization_ratio ratio",
                "# UNIT http_server_request_duration_seconds seconds");
        assertThat(Export.run(ExportFormat.OPENMETRICS, NamingConvention.OPENTELEMETRY, 0, 1).lines())
                .noneMatch(line -> line.startsWith("# UNIT"))
                .contains("# TYPE system_network_io_receive gauge", "# TYPE http_server_request_duration gauge");
    }
}
