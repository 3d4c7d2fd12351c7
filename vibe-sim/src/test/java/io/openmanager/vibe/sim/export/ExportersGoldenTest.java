package io.openmanager.vibe.sim.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.metric.NamingConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden output of seed 42 (default fleet, start and step): the first lines byte for byte, and a digest of the first
 * hour of every format in every convention. The bytes must be the same on every JDK (numbers never go through
 * {@code Double.toString}) and at every thread count; a change here changes what users' files contain.
 */
class ExportersGoldenTest {
    private static final long HOUR = 720;

    @Test
    void jsonLinesSeed() {
        assertThat(Export.run(ExportFormat.JSON_LINES, NamingConvention.SEED, 0, 1).lines()).startsWith(
                "{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"web-server-01\",\"environment\":\"onpremise\","
                        + "\"role\":\"web\",\"status\":\"healthy\",\"cpu_usage\":22.164,\"memory_usage\":41.641,"
                        + "\"disk_usage\":23.544,\"network_in\":30.973585,\"network_out\":88.90669,"
                        + "\"response_time\":154.62}",
                "{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"db-primary-01\",\"environment\":\"onpremise\","
                        + "\"role\":\"database\",\"status\":\"healthy\",\"cpu_usage\":21.319,\"memory_usage\":74.772,"
                        + "\"disk_usage\":47.743,\"network_in\":16.683164,\"network_out\":18.385046,"
                        + "\"response_time\":21}");
    }

    @Test
    void jsonLinesOpenTelemetryAndPrometheus() {
        assertThat(Export.run(ExportFormat.JSON_LINES, NamingConvention.OPENTELEMETRY, 0, 1).lines().get(0))
                .isEqualTo("{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"web-server-01\","
                        + "\"environment\":\"onpremise\",\"role\":\"web\",\"status\":\"healthy\","
                        + "\"system.cpu.utilization\":0.22164,\"system.memory.utilization\":0.41641,"
                        + "\"system.filesystem.utilization\":0.23544,\"system.network.io.receive\":30973585,"
                        + "\"system.network.io.transmit\":88906690,\"http.server.request.duration\":0.15462}");
        assertThat(Export.run(ExportFormat.JSON_LINES, NamingConvention.PROMETHEUS, 0, 1).lines().get(1))
                .isEqualTo("{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"db-primary-01\","
                        + "\"environment\":\"onpremise\",\"role\":\"database\",\"status\":\"healthy\","
                        + "\"node_cpu_utilization_ratio\":0.21319,\"node_memory_utilization_ratio\":0.74772,"
                        + "\"node_filesystem_utilization_ratio\":0.47743,"
                        + "\"node_network_receive_bytes_per_second\":16683164,"
                        + "\"node_network_transmit_bytes_per_second\":18385046,"
                        + "\"http_server_request_duration_seconds\":0.021}");
    }

    @Test
    void csvSeed() {
        assertThat(Export.run(ExportFormat.CSV, NamingConvention.SEED, 0, 1).text).startsWith(
                "timestamp,server,environment,role,status,cpu_usage,memory_usage,disk_usage,network_in,network_out,"
                        + "response_time\r\n"
                        + "2026-01-05T00:00:00Z,web-server-01,onpremise,web,healthy,22.164,41.641,23.544,30.973585,"
                        + "88.90669,154.62\r\n"
                        + "2026-01-05T00:00:00Z,db-primary-01,onpremise,database,healthy,21.319,74.772,47.743,"
                        + "16.683164,18.385046,21\r\n");
    }

    @Test
    void influxSeed() {
        assertThat(Export.run(ExportFormat.INFLUX, NamingConvention.SEED, 0, 1).text).startsWith(
                "vibe,environment=onpremise,role=web,server=web-server-01,status=healthy cpu_usage=22.164,"
                        + "memory_usage=41.641,disk_usage=23.544,network_in=30.973585,network_out=88.90669,"
                        + "response_time=154.62 1767571200000000000\n"
                        + "vibe,environment=onpremise,role=database,server=db-primary-01,status=healthy "
                        + "cpu_usage=21.319,memory_usage=74.772,disk_usage=47.743,network_in=16.683164,"
                        + "network_out=18.385046,response_time=21 1767571200000000000\n");
    }

    @Test
    void openMetricsPrometheus() {
        assertThat(Export.run(ExportFormat.OPENMETRICS, NamingConvention.PROMETHEUS, 0, 2).text).startsWith(
                "# TYPE node_cpu_utilization_ratio gauge\n"
                        + "# UNIT node_cpu_utilization_ratio ratio\n"
                        + "# HELP node_cpu_utilization_ratio CPU utilisation of the host\n"
                        + "node_cpu_utilization_ratio{server=\"web-server-01\",environment=\"onpremise\",role=\"web\"} "
                        + "0.22164 1767571200\n"
                        + "node_cpu_utilization_ratio{server=\"web-server-01\",environment=\"onpremise\",role=\"web\"} "
                        + "0.22173 1767571205\n"
                        + "node_cpu_utilization_ratio{server=\"db-primary-01\",environment=\"onpremise\","
                        + "role=\"database\"} 0.21319 1767571200\n");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "JSON_LINES, SEED, e7f3daf42cbba22c69fd484a112b75ea238ba09bfaf59cda7f62ee1aaabc23c9",
            "JSON_LINES, OPENTELEMETRY, 38b61b2276d016e2a7f9c5c1fdca4cb1ed919b7dfd821a2ebaa56521e8cacc59",
            "JSON_LINES, PROMETHEUS, b6972c8d0b3e3f77db4453cf5cd3bd75b53699303078adb2f60ca9f2d2e673d8",
            "CSV, SEED, 65f225a87d02ce2d831a84951026c245b9bc21f271a000b57d259454f67ae4a7",
            "CSV, OPENTELEMETRY, e3bcd7f5479c52bca17f4a0b110540618a192fe179b69c347bf92b3b39fabaa3",
            "CSV, PROMETHEUS, b011f9cc0e5952ba57103f34185723721734e2485ae1e4ac92bbcae6ad898627",
            "INFLUX, SEED, fa8af0f3005fb2b2e8fc25640910e61ff3ee5c0dbe69e55ab0bce275681be213",
            "INFLUX, OPENTELEMETRY, ac6e788625375af7650a928c1618638af2a4a2a19d851c0ee0155d1c5fddb157",
            "INFLUX, PROMETHEUS, df4b4ec0d9883038613d02b21d6617f9c144ee23475a6ebe71900c97adb735a7",
            "OPENMETRICS, SEED, 21c8dca8bca21dfc8b5f8a37cb7210d036d3b3a0c736d27fba64308caf85cfdc",
            "OPENMETRICS, OPENTELEMETRY, 4a801e34b0b7f8c4dcd0ad20f27c9c0986f61489f51d5f649603b444bc9aaf7c",
            "OPENMETRICS, PROMETHEUS, 9295cdf19eeeb17b23d7a935379ffe5345a29122b4cd04d32823f5851ef6af99",
    })
    void firstHourDigest(ExportFormat format, NamingConvention naming, String sha256) {
        assertThat(Export.sha256(Export.run(format, naming, 0, HOUR).text)).isEqualTo(sha256);
    }

    @Test
    void sameBytesAtAnyThreadCount() {
        assertThat(Export.run(ExportFormat.JSON_LINES, NamingConvention.SEED, 0, 60, 2).text)
                .isEqualTo(Export.run(ExportFormat.JSON_LINES, NamingConvention.SEED, 0, 60, 1).text);
    }
}
