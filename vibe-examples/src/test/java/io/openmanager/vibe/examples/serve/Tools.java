package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real programs the end-to-end tests start: Debian's prometheus, promtool, chromium and chromedriver (.ci/run
 * installs them), and the packaged vibe.jar. A test whose program is missing is skipped with one line saying what to
 * install.
 */
final class Tools {
    private Tools() {
    }

    /** The path of an executable on the PATH; skips the test with one line when it is missing. */
    static Path require(String program, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort(program + " is not installed (apt-get install " + debianPackage + "): skipped");
        return null;
    }

    /** The packaged vibe.jar, as failsafe names it. */
    static Path vibeJar() {
        String jar = System.getProperty("vibe.jar");
        assertThat(jar).as("system property vibe.jar, set by the failsafe configuration").isNotBlank();
        assertThat(Path.of(jar)).isRegularFile();
        return Path.of(jar);
    }

    /** {@code java -jar vibe.jar} and the arguments. */
    static List<String> vibe(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", vibeJar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** A port that was free a moment ago, on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
