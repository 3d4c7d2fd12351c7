package io.openmanager.vibe.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the integration examples from the packaged {@code vibe.jar} ({@code java -cp vibe.jar <class>}). */
class IntegrationExamplesIT {
    private static Path jar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("vibe.jar");
        assertThat(path).as("system property vibe.jar, set by the failsafe configuration").isNotBlank();
        jar = Path.of(path);
        assertThat(jar).isRegularFile();
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", jar.toString(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private List<String> runToEnd(String mainClass) throws Exception {
        File out = tmp.resolve("out.txt").toFile();
        Process process = java(mainClass).redirectOutput(out).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass + " did not finish within 60 s");
        }
        List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; output %s", lines).isZero();
        return lines;
    }

    @Test
    void prometheusScrapePageIsServedFromTheShadedJar() throws Exception {
        Process process = java("io.openmanager.vibe.examples.micrometer.PrometheusScrapeExample",
                "--port", "0", "--speed", "600").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            Matcher url = Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/metrics) ").matcher(String.valueOf(first));
            assertThat(url.find()).as("first line: %s", first).isTrue();

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("# TYPE node_cpu_utilization_ratio gauge",
                    "node_cpu_utilization_ratio{environment=\"onpremise\",role=\"database\",server=\"db-primary-01\"} ");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theShippedListenerPluginIsDiscoveredInTheShadedJar() throws Exception {
        List<String> lines = runToEnd("io.openmanager.vibe.examples.plugin.ListenerDiscoveryExample");

        assertThat(lines).singleElement().asString()
                .startsWith("alert-tally (io.openmanager.vibe.examples.plugin.AlertTallyProvider): ")
                .contains(" 0 dropped; ", " raised (info ");
    }

    @Test
    void flowAndEmbeddingExamplesRun() throws Exception {
        assertThat(runToEnd("io.openmanager.vibe.examples.flow.FlowBackpressureExample"))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("over-delivered 0"));
        assertThat(runToEnd("io.openmanager.vibe.examples.embedding.EmbeddingExample"))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains(" reached the "));
    }
}
