package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code vibe demo} without a terminal: plain hourly lines, then the summary (incidents, anomalies, predictions,
 * recommendations, fleet health); fast speeds keep the tests short.
 */
class DemoCommandTest {
    @Test
    void aDayEndsWithTheSummaryOfItsIncidentsDetectionPredictionsAdviceAndHealth() {
        CliRun run = vibe("demo", "--speed", "1000000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("\u001b[");
        assertThat(run.outLines()).filteredOn(line -> line.matches("2026-01-05 \\d\\d:00:00  healthy.*"))
                .hasSize(24);
        assertThat(run.out())
                .contains("Simulated 2026-01-05 00:00:00 to 2026-01-06 00:00:00 (17280 ticks of 5s, 20 servers)")
                .contains("Incidents (ground truth): 1")
                .contains("network-congestion  storage-nfs-01  storage-nfs-01, backup-server-01")
                .contains("Root cause ranked first = origin: 1 of 1 incidents.")
                .contains("Fleet health: mean score");
        assertThat(run.outLines()).filteredOn(line -> line.startsWith("2026-01-05 23:00:00  healthy"))
                .singleElement().asString().matches(".*predictions +[1-9]\\d*  recommendations +[1-9]\\d*");
        // Seed 42's day: the pipeline predicts memory crossings that the day never reaches, and the network
        // congestion on storage-nfs-01 gets advice from its anomalies and, as the incident's root cause, at CRITICAL.
        assertThat(run.out())
                .containsPattern("Predictions: \\d+ for \\d+ series")
                .containsPattern("worker-queue-01 +memory_usage +95 +2026-01-05 \\d\\d:\\d\\d:00 .* no \\(max")
                .containsPattern("Recommendations: \\d+")
                .containsPattern("2026-01-05 13:04:35  storage-nfs-01 +CRITICAL  Check the network link")
                .contains("is the likeliest root cause of incident@2026-01-05T13:04:35Z")
                .containsPattern("Fleet health at 2026-01-05T23:59:55Z: mean score \\d+\\.\\d; 20 healthy");
        String summary = run.out().substring(run.out().indexOf("Recommendations: "));
        assertThat(summary.lines().filter(line -> line.startsWith("  2026-"))).hasSizeBetween(1, 15);
    }

    @Test
    void aPredictedCrossingThatHappensIsReportedAsReached(@TempDir Path tmp) throws Exception {
        Path scenarios = tmp.resolve("leak.scenarios");
        Files.writeString(scenarios, """
                scenario memory-leak-gradual {
                  trigger at 2026-01-05T02:00:00Z
                  duration 14h
                  at 0s on api-gateway-01 leak memory_usage 10 per 1h
                }
                """, StandardCharsets.UTF_8);

        CliRun run = vibe("demo", "--duration", "9h", "--speed", "1000000", "--scenarios", scenarios.toString());

        assertThat(run.exitCode()).isZero();
        // Predicted hours ahead; the simulated memory first reaches 95 % at 07:34:05.
        assertThat(run.out())
                .containsPattern("api-gateway-01 +memory_usage +95 +2026-01-05 0\\d:\\d\\d:00 .* yes, 2026-01-05 07:34:05")
                .containsPattern("api-gateway-01 +CRITICAL  Take a heap dump on api-gateway-01")
                .contains("Worst: api-gateway-01");
    }

    @Test
    void koreanGivesKoreanRecommendationsAndFleetHealth() {
        CliRun run = vibe("demo", "--duration", "14h", "--speed", "1000000", "--lang", "ko");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("storage-nfs-01의 네트워크 링크와 대역폭 제한(스로틀링)을 점검하고 트래픽의 출처를 찾으세요.")
                .contains("기준 전체 서버 상태: 평균 점수")
                .doesNotContain("Check the network link")
                .doesNotContain("Fleet health at");
    }

    @Test
    void aQuietWindowSaysSo() {
        CliRun run = vibe("demo", "--duration", "1h", "--speed", "1000000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Incidents (ground truth): 0").doesNotContain("Root cause");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(vibe("demo", "--speed", "0").exitCode()).isEqualTo(2);
        assertThat(vibe("demo", "--duration", "1s").errLines()).singleElement().asString()
                .startsWith("vibe demo: --duration must cover at least one step of 5s");
        CliRun badLanguage = vibe("demo", "--lang", "fr");
        assertThat(badLanguage.exitCode()).isEqualTo(2);
        assertThat(badLanguage.out()).isEmpty();
        assertThat(badLanguage.errLines()).singleElement().asString()
                .isEqualTo("vibe demo: --lang must be en or ko: fr");
    }
}
