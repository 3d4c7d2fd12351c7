package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar vibe.jar serve --port 0 ...} in its own process, as a user starts it; closing sends SIGTERM (what
 * Ctrl-C's SIGINT also does to a JVM) and checks a clean stop. Output goes to files: a parent's destroy() closes pipes.
 */
final class VibeServe implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("^vibe serve: (http://127\\.0\\.0\\.1:\\d+)/ ");

    private final Process process;
    private final Path out;
    private final Path err;
    private final URI base;

    VibeServe(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("serve", "--port", "0"));
        command.addAll(List.of(args));
        out = dir.resolve("serve.out");
        err = dir.resolve("serve.err");
        process = new ProcessBuilder(Tools.vibe(command.toArray(new String[0])))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        URI found = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (found == null && System.nanoTime() < deadline && process.isAlive()) {
            for (String line : out()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    found = URI.create(matcher.group(1));
                }
            }
            Thread.sleep(100);
        }
        if (found == null) {
            process.destroyForcibly();
            throw new IllegalStateException("vibe serve did not print its address: " + out() + " "
                    + Files.readString(err));
        }
        base = found;
    }

    /** {@code http://127.0.0.1:<port>} */
    URI base() {
        return base;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** What the process printed on standard output so far. */
    List<String> out() throws IOException {
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    /** Sends SIGTERM and checks that it stops cleanly within 15 s, saying so. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        boolean ended = process.waitFor(15, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("vibe serve stops within 15 s of SIGTERM").isTrue();
        assertThat(out()).as("standard error: " + Files.readString(err))
                .anyMatch(line -> line.startsWith("vibe serve: stopped after "));
    }
}
