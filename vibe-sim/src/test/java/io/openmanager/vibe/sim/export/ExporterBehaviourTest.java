package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.ScenarioEndedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Instant;

/** Missing values, odd names, the writer's ownership and the exporters' life cycle, with hand-made frames. */
class ExporterBehaviourTest {
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final Fleet FLEET = Fleet.of(
            Server.of("web.01_a-b", Environment.AWS, Role.WEB),
            Server.of("db-1", Environment.ONPREMISE, Role.DATABASE));
    private static final Metric QUEUE = Metric.builder("queue.depth").unit("1")
            .description("jobs \"waiting\"\nin the queue \\ backlog").build();
    private static final MetricSet METRICS = MetricSet.builder().add(Metric.CPU_USAGE).add(QUEUE).build();

    /** A frame at {@code T0 + second} with cpu and queue values for both servers (NaN = missing). */
    private static FrameEvent frame(long second, double cpu0, double queue0, double cpu1, double queue1) {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, METRICS);
        frame.setTime(second, T0 + second * 1000);
        frame.set(0, 0, cpu0);
        frame.set(0, 1, queue0);
        frame.set(1, 0, cpu1);
        frame.set(1, 1, queue1);
        frame.setStatus(1, Status.CRITICAL);
        return new FrameEvent(frame.view());
    }

    private static String export(ExportFormat format, FrameEvent... frames) throws IOException {
        StringWriter out = new StringWriter();
        try (Exporter exporter = Exporters.of(format, out, NamingConvention.SEED)) {
            for (FrameEvent frame : frames) {
                exporter.onEvent(frame);
            }
        }
        return out.toString();
    }

    @Test
    void jsonLinesWritesMissingValuesAsNull() throws IOException {
        assertThat(export(ExportFormat.JSON_LINES, frame(0, 12.5, Double.NaN, Double.POSITIVE_INFINITY, -3)))
                .isEqualTo("{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"web.01_a-b\","
                        + "\"environment\":\"aws\",\"role\":\"web\",\"status\":\"healthy\",\"cpu_usage\":12.5,"
                        + "\"queue.depth\":null}\n"
                        + "{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"db-1\",\"environment\":\"onpremise\","
                        + "\"role\":\"database\",\"status\":\"critical\",\"cpu_usage\":null,\"queue.depth\":-3}\n");
    }

    @Test
    void csvWritesMissingValuesAsEmptyFields() throws IOException {
        assertThat(export(ExportFormat.CSV, frame(0, 12.5, Double.NaN, Double.NaN, 7)))
                .isEqualTo("timestamp,server,environment,role,status,cpu_usage,queue.depth\r\n"
                        + "2026-01-05T00:00:00Z,web.01_a-b,aws,web,healthy,12.5,\r\n"
                        + "2026-01-05T00:00:00Z,db-1,onpremise,database,critical,,7\r\n");
    }

    @Test
    void influxLeavesOutMissingFieldsAndLinesWithoutFields() throws IOException {
        assertThat(export(ExportFormat.INFLUX, frame(0, Double.NaN, 2, Double.NaN, Double.NaN),
                frame(1, 0.5, Double.NaN, Double.NEGATIVE_INFINITY, 1)))
                .isEqualTo("vibe,environment=aws,role=web,server=web.01_a-b,status=healthy queue.depth=2 "
                        + "1767571200000000000\n"
                        + "vibe,environment=aws,role=web,server=web.01_a-b,status=healthy cpu_usage=0.5 "
                        + "1767571201000000000\n"
                        + "vibe,environment=onpremise,role=database,server=db-1,status=critical queue.depth=1 "
                        + "1767571201000000000\n");
    }

    @Test
    void openMetricsLeavesOutMissingSamplesAndEscapesHelp() throws IOException {
        assertThat(export(ExportFormat.OPENMETRICS, frame(0, 1, Double.NaN, 2, 3), frame(1, Double.NaN, 4, 5.25, 6)))
                .isEqualTo("# TYPE cpu_usage gauge\n"
                        + "# HELP cpu_usage CPU utilisation of the host\n"
                        + "cpu_usage{server=\"web.01_a-b\",environment=\"aws\",role=\"web\"} 1 1767571200\n"
                        + "cpu_usage{server=\"db-1\",environment=\"onpremise\",role=\"database\"} 2 1767571200\n"
                        + "cpu_usage{server=\"db-1\",environment=\"onpremise\",role=\"database\"} 5.25 1767571201\n"
                        + "# TYPE queue_depth gauge\n"
                        + "# HELP queue_depth jobs \\\"waiting\\\"\\nin the queue \\\\ backlog\n"
                        + "queue_depth{server=\"web.01_a-b\",environment=\"aws\",role=\"web\"} 4 1767571201\n"
                        + "queue_depth{server=\"db-1\",environment=\"onpremise\",role=\"database\"} 3 1767571200\n"
                        + "queue_depth{server=\"db-1\",environment=\"onpremise\",role=\"database\"} 6 1767571201\n"
                        + "# EOF\n");
    }

    @Test
    void openMetricsWritesMillisecondsAsFractionalSeconds() {
        StringBuilder text = new StringBuilder();
        OpenMetricsExporter.appendSeconds(text, 1_767_571_200_500L);
        text.append(' ');
        OpenMetricsExporter.appendSeconds(text, 1_767_571_200_050L);
        text.append(' ');
        OpenMetricsExporter.appendSeconds(text, -1_500L);

        assertThat(text).hasToString("1767571200.5 1767571200.05 -1.5");
    }

    @Test
    void openMetricsWithoutFramesIsAnEmptyExposition() throws IOException {
        assertThat(export(ExportFormat.OPENMETRICS)).isEqualTo("# EOF\n");
    }

    @Test
    void openMetricsRefusesTimestampsThatDoNotIncrease() throws IOException {
        try (Exporter exporter = Exporters.openMetrics(new StringWriter(), NamingConvention.SEED)) {
            exporter.onEvent(frame(5, 1, 1, 1, 1));

            assertThatIllegalArgumentException().isThrownBy(() -> exporter.onEvent(frame(5, 1, 1, 1, 1)))
                    .withMessage("OpenMetrics needs increasing timestamps: a frame at 2026-01-05T00:00:05Z cannot "
                            + "follow one at 2026-01-05T00:00:05Z");
        }
    }

    @Test
    void openMetricsDeletesItsTemporaryFileAtClose() throws IOException {
        OpenMetricsExporter exporter = (OpenMetricsExporter) Exporters.openMetrics(Writer.nullWriter(),
                NamingConvention.SEED);
        Export.ENGINE.batch().ticks(0, 5000).framesOnly().listener(exporter).run();
        // A full chunk went to disk. (On Linux the file is unlinked as soon as it is open, so it is not visible.)
        assertThat(exporter.spillFile()).isNotNull();

        exporter.close();

        assertThat(Files.exists(exporter.spillFile())).isFalse();
    }

    @Test
    void openMetricsOfALongRunMatchesTheShortOnesSeriesBySeries() throws IOException {
        // More ticks than one chunk holds: series are read back from several chunks of the temporary file.
        StringWriter out = new StringWriter();
        try (Exporter exporter = Exporters.openMetrics(out, NamingConvention.SEED)) {
            Export.ENGINE.batch().ticks(0, 9000).servers(0, 2).framesOnly().listener(exporter).run();
        }
        String text = out.toString();
        String web = "cpu_usage{server=\"web-server-01\",environment=\"onpremise\",role=\"web\"} ";
        assertThat(text.lines().filter(line -> line.startsWith(web)).count()).isEqualTo(9000);
        assertThat(text.lines().filter(line -> line.startsWith("# TYPE")).count()).isEqualTo(6);
        String jsonFirstValue = Export.run(ExportFormat.JSON_LINES, NamingConvention.SEED, 8999, 9000).lines().get(0);
        String lastWebCpu = text.lines().filter(line -> line.startsWith(web)).reduce((a, b) -> b).orElseThrow();
        assertThat(jsonFirstValue).contains("\"cpu_usage\":" + lastWebCpu.split(" ")[1] + ",");
    }

    @Test
    void csvRefusesAFrameWithOtherMetrics() throws IOException {
        try (Exporter exporter = Exporters.csv(new StringWriter(), NamingConvention.SEED)) {
            exporter.onEvent(frame(0, 1, 1, 1, 1));
            MutableFleetFrame other = new MutableFleetFrame(FLEET, MetricSet.standard());
            other.setTime(1, T0 + 1000);

            assertThatIllegalArgumentException().isThrownBy(() -> exporter.onEvent(new FrameEvent(other.view())))
                    .withMessage("CSV columns were fixed by the first frame as [cpu_usage, queue.depth]; a frame with"
                            + " the metrics [cpu_usage, memory_usage, disk_usage, network_in, network_out, "
                            + "response_time] cannot follow");
        }
    }

    @Test
    void openMetricsRefusesNamesThatCollideAfterSanitising() {
        Metric dotted = Metric.builder("a.b").otel("x.one", "1", 1).build();
        Metric underscored = Metric.builder("a_b").otel("x.two", "1", 1).build();
        MetricSet clashing = MetricSet.builder().add(dotted).add(underscored).build();
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, clashing);
        Exporter exporter = Exporters.openMetrics(new StringWriter(), NamingConvention.SEED);

        assertThatIllegalArgumentException().isThrownBy(() -> exporter.onEvent(new FrameEvent(frame.view())))
                .withMessage("metrics 'a.b' and 'a_b' both become the OpenMetrics family 'a_b'");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void closeFlushesButLeavesTheWriterOpenAndIsIdempotent(ExportFormat format) throws IOException {
        TrackingWriter out = new TrackingWriter();
        Exporter exporter = Exporters.of(format, out, NamingConvention.SEED);
        exporter.onEvent(frame(0, 1, 2, 3, 4));

        exporter.close();
        exporter.close();

        assertThat(out.closed).isFalse();
        assertThat(out.flushes).isPositive();
        assertThat(out.text).isNotEmpty();
        assertThatIllegalStateException().isThrownBy(() -> exporter.onEvent(frame(1, 1, 2, 3, 4)))
                .withMessageEndingWith("exporter is closed");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void ignoresEventsThatAreNotFrames(ExportFormat format) throws IOException {
        assertThat(export(format)).isEqualTo(exportWithEnded(format));
    }

    private static String exportWithEnded(ExportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        try (Exporter exporter = Exporters.of(format, out, NamingConvention.SEED)) {
            exporter.onEvent(new ScenarioEndedEvent(Instant.EPOCH, "s", "s@0"));
        }
        return out.toString();
    }

    @Test
    void aFailingWriterSurfacesAsUncheckedIoException() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Exporter exporter = Exporters.csv(broken, NamingConvention.SEED);

        assertThatThrownBy(() -> exporter.onEvent(frame(0, 1, 2, 3, 4)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write CSV output: No space left on device")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void factoriesRefuseNulls() {
        assertThatNullPointerException().isThrownBy(() -> Exporters.jsonLines(null, NamingConvention.SEED))
                .withMessage("writer must not be null");
        assertThatNullPointerException().isThrownBy(() -> Exporters.csv(new StringWriter(), null))
                .withMessage("naming convention must not be null");
        assertThatNullPointerException().isThrownBy(() -> Exporters.of(null, new StringWriter(), NamingConvention.SEED))
                .withMessage("format must not be null");
    }

    @Test
    void formatsHaveExternalNames() {
        assertThat(ExportFormat.externalNames()).containsExactly("jsonl", "csv", "influx", "openmetrics");
        assertThat(ExportFormat.parse(" JSONL ")).isEqualTo(ExportFormat.JSON_LINES);
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFormat.parse("xml"))
                .withMessage("unknown export format 'xml'; expected one of: jsonl, csv, influx, openmetrics");
    }

    static final class TrackingWriter extends Writer {
        final StringBuilder text = new StringBuilder();
        int flushes;
        boolean closed;

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
