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
            "JSON_LINES, SEED, 3a3f8848ff9db18f231749848bcc02866d09a116bd314db159a95ede6f031d85",
            "JSON_LINES, OPENTELEMETRY, 403c0376d2739fb78c24ee1387dddc3abf55eb45de2aa55a527aef0fce5e02b5",
            "JSON_LINES, PROMETHEUS, bb4fade6d56bfc6e1c670c0f1150ade20820e02fe08915dede6e6a32d9e3afbe",
            "CSV, SEED, f2390b19721f3b83f28938ec887ff9bebfd37fa5a7cb88c48273e30355250123",
            "CSV, OPENTELEMETRY, 65305683a7f44f511a581a481b56ae702f76c58425b5c1f562dee72c4d31c5e4",
            "CSV, PROMETHEUS, 29f22837b953a10ca83628cff14dd449bbb4b8db4ad99646078f9c1f54e9598c",
            "INFLUX, SEED, 03d75b984c019d497ca77d05030c615c945293a9f2e945b397acff81cc13a79a",
            "INFLUX, OPENTELEMETRY, 10703022f85367f2841f25c7fdbcdd9f1cf05f20bb2eabc7912b2d605caa2bfe",
            "INFLUX, PROMETHEUS, 95e321477bd6146838eba0e2cdc97795f61ea3f898269c34edc210e58d48fac2",
            "OPENMETRICS, SEED, c81bc3570e5e65f02084b32ec057476647eb8d00c06fa6db5a2d6037a2bfd0e9",
            "OPENMETRICS, OPENTELEMETRY, 08d5ce8e182c74a0b1be17df827564714acb4eb0d1c64e7b3508981bd31253c1",
            "OPENMETRICS, PROMETHEUS, 049bc1327c67c6402bdd1a723dcf4d7abc05529a420b328e517e9ffc3337956e",
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
