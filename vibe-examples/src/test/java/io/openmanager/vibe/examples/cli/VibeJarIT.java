package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code vibe.jar} in its own JVM, as a user would. */
class VibeJarIT {
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

    private record Result(int exitCode, List<String> out, List<String> err) {
    }

    private Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        // Files rather than pipes: nothing can block on a full pipe buffer.
        File out = tmp.resolve("out.txt").toFile();
        File err = tmp.resolve("err.txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vibe did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(),
                Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                Files.readAllLines(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void fleetPrintsTwentyServers() throws Exception {
        Result result = java("fleet");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).hasSize(1 + 20);
        assertThat(result.out().get(0)).startsWith("INDEX");
        for (int i = 0; i < 20; i++) {
            assertThat(result.out().get(1 + i))
                    .startsWith(String.valueOf(i))
                    .contains(Fleet.defaultFleet().get(i).hostname());
        }
    }

    @Test
    void badOptionExitsWithTwoAndOneLine() throws Exception {
        Result result = java("fleet", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).containsExactly("vibe fleet: unknown option '--bogus' (see 'vibe fleet --help')");
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        Result result = java("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsExactly("vibe " + System.getProperty("vibe.expectedVersion"));
    }

    @Test
    void scenarioCheckReportsProblemsLikeACompiler() throws Exception {
        Path file = tmp.resolve("outage.scenarios");
        Files.writeString(file, "scenario outage {\n  title \"디스크\"\n  at 0s on db-primary-01 set cpu 95\n}\n",
                StandardCharsets.UTF_8);

        Result result = java("scenario", "check", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).containsExactly(
                file + ":3:30: error: unknown metric 'cpu' — did you mean 'cpu_usage'?",
                "  at 0s on db-primary-01 set cpu 95",
                "                             ^~~",
                "1 error in 1 file");
    }

    @Test
    void scenarioPrintWritesTheBuiltInScenarios() throws Exception {
        Path file = tmp.resolve("builtin.scenarios");
        try (var in = io.openmanager.vibe.sim.scenario.BuiltInScenarios.class
                .getResourceAsStream("builtin.scenarios")) {
            Files.write(file, in.readAllBytes());
        }

        Result result = java("scenario", "print", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("scenario disk-full-cascade {",
                "  title \"디스크 용량 부족 연쇄 장애 (disk-full cascade)\"");
    }
}
