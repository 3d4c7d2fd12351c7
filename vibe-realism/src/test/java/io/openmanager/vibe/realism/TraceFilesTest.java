package io.openmanager.vibe.realism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

class TraceFilesTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void twoColumnFilesTakeTheirMetricFromTheFileNameAndLandOnTheGrid() throws IOException {
        Files.writeString(dir.resolve("ec2_cpu_utilization_abc.csv"), "timestamp,value\n"
                + "2014-02-14 14:30:00,1.5\n2014-02-14 14:35:01,2.5\n2014-02-14 14:34:59,9\n"
                + "2014-02-14 14:45:00,3.5\n");
        Files.writeString(dir.resolve("elb_request_count.csv"), "timestamp,value\n2014-02-14 14:30:00,1\n");
        TraceFiles.Result result = TraceFiles.read(dir, FIVE_MINUTES);
        assertThat(result.traces()).hasSize(1);
        Trace cpu = result.traces().get(0);
        assertThat(cpu.metric()).isEqualTo(TraceMetric.CPU);
        assertThat(cpu.server()).isEqualTo("ec2_cpu_utilization_abc");
        assertThat(cpu.startMillis()).isEqualTo(java.time.Instant.parse("2014-02-14T14:30:00Z").toEpochMilli());
        // 14:35:01 and 14:34:59 round to the same slot: the first wins; 14:40 has no sample.
        assertThat(cpu.values()).containsExactly(1.5, 2.5, Double.NaN, 3.5);
        assertThat(result.skipped()).singleElement().asString().contains("elb_request_count.csv");
    }

    @Test
    void theLongFormatHoldsManyServersAndMetrics() throws IOException {
        Files.writeString(dir.resolve("fleet.csv"), "timestamp,server,metric,value\n"
                + "1700000000,a,cpu_usage,10\n1700000300,a,cpu_usage,11\n1700000000,b,network_in,5\n"
                + "1700000000,a,disk_usage,50\n");
        TraceFiles.Result result = TraceFiles.read(dir.resolve("fleet.csv"), FIVE_MINUTES);
        assertThat(result.traces()).extracting(Trace::name)
                .containsExactly("fleet.csv/a/cpu", "fleet.csv/b/network_in");
        assertThat(result.skipped()).singleElement().asString().contains("'disk_usage'");
    }

    @Test
    void bitbrainsFilesGiveCpuMemoryAndNetworkOfOneVm() throws IOException {
        Path file = dir.resolve("7.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\tCPU usage [MHZ];\t"
                    + "CPU usage [%];\tMemory capacity provisioned [KB];\tMemory usage [KB];\t"
                    + "Disk read throughput [KB/s];\tDisk write throughput [KB/s];\t"
                    + "Network received throughput [KB/s];\tNetwork transmitted throughput [KB/s]\n"
                    + "1372629804;\t2;\t5851.9989;\t87.78;\t1.5;\t8000;\t2000;\t0;\t0;\t0.25;\t1.5\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        TraceFiles.Result result = TraceFiles.read(dir, FIVE_MINUTES);
        assertThat(result.traces()).extracting(Trace::name).containsExactly("7.csv.gz/7/cpu", "7.csv.gz/7/memory",
                "7.csv.gz/7/network_in", "7.csv.gz/7/network_out");
        assertThat(result.traces().get(1).values()).containsExactly(25.0);
    }

    @Test
    void malformedLinesNameFileLineAndColumn() throws IOException {
        Path file = dir.resolve("cpu.csv");
        Files.writeString(file, "timestamp,value\n2014-02-14 14:30:00,1\n2014-02-14 14:35:00,abc\n");
        assertThatThrownBy(() -> TraceFiles.read(file, FIVE_MINUTES)).isInstanceOf(TraceFormatException.class)
                .hasMessage(file + ":3:2: not a number: 'abc'");
        Files.writeString(file, "timestamp,value\nyesterday,1\n");
        assertThatThrownBy(() -> TraceFiles.read(file, FIVE_MINUTES)).hasMessage(file
                + ":2:1: not a timestamp (epoch seconds or millis, ISO instant, or yyyy-MM-dd HH:mm:ss): 'yesterday'");
        Files.writeString(file, "time;value\n");
        assertThatThrownBy(() -> TraceFiles.read(file, FIVE_MINUTES)).hasMessageStartingWith(file
                + ":1: unknown header 'time;value'");
    }
}
