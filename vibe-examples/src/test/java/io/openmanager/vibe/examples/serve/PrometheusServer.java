package io.openmanager.vibe.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** A real Prometheus (Debian's package) on 127.0.0.1, started and stopped by a test, and its query API. */
final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path dir;
    private final List<String> extraFlags;
    private final int port;
    private Process process;

    /**
     * @param dir        working directory: prometheus.yml, data/ and prometheus.log go there
     * @param config     the configuration file's text
     * @param extraFlags more command-line flags
     */
    PrometheusServer(Path dir, String config, String... extraFlags) throws IOException {
        this.dir = dir;
        this.extraFlags = List.of(extraFlags);
        this.port = Tools.freePort();
        Files.writeString(dir.resolve("prometheus.yml"), config);
        start();
    }

    /** Starts (again, on the same port and data) and waits until ready. */
    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Tools.require("prometheus", "prometheus").toString(),
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"));
        command.addAll(extraFlags);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prometheus.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException("prometheus was not ready within 60 s");
    }

    /** Stops gracefully (SIGTERM: the head is written to the WAL) and waits for the process. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs a query at an instant and returns the data part of the answer. */
    JsonNode query(String promql, Instant at) throws IOException {
        String path = "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time="
                + at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000);
        HttpResponse<String> response = get(path);
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("query " + promql + " failed: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return body.path("data");
    }

    /**
     * The raw samples of a range-vector selector ending at an instant: series (its labels without job and instance,
     * as text) to timestamp (epoch ms) to value.
     */
    Map<String, TreeMap<Long, Double>> samples(String selector, Duration range, Instant at) throws IOException {
        JsonNode data = query(selector + "[" + range.toSeconds() + "s]", at);
        Map<String, TreeMap<Long, Double>> result = new TreeMap<>();
        for (JsonNode series : data.path("result")) {
            TreeMap<String, String> labels = new TreeMap<>();
            series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            labels.remove("job");
            labels.remove("instance");
            TreeMap<Long, Double> points = new TreeMap<>();
            for (JsonNode point : series.path("values")) {
                long millis = new BigDecimal(point.get(0).asText()).movePointRight(3).longValueExact();
                points.put(millis, Double.parseDouble(point.get(1).asText()));
            }
            result.put(labels.toString(), points);
        }
        return result;
    }

    /** The log so far, for failure messages. */
    String log() throws IOException {
        return Files.readString(dir.resolve("prometheus.log"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
