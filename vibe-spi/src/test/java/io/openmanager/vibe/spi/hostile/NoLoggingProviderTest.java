package io.openmanager.vibe.spi.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 20's edge of finding 21: with no SLF4J provider bound (SLF4J then drops every message), a failing listener
 * still says so on standard error, in one line, and then counts.
 */
class NoLoggingProviderTest {

    @Test
    void withoutAnSlf4jProviderAFailingListenerWritesOneLineToStandardErrorThenACount() throws Exception {
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("slf4j-simple")) {
                classPath.add(entry);
            }
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath),
                ListenerFailureHostileTest.FailingListenerMain.class.getName())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> vibeLines = err.lines().filter(line -> line.startsWith("Vibe Dispatcher")).toList();
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(vibeLines).containsExactly(
                "Vibe Dispatcher: listener 'quiet-one' threw java.lang.IllegalStateException: nobody hears me on"
                        + " AnomalyEvent; the event is skipped for this listener, delivery continues (later failures"
                        + " are counted, at most one line a minute)",
                "Vibe Dispatcher: listener 'quiet-one' failed 99 more times since the last report (100 in all;"
                        + " latest: java.lang.IllegalStateException)");
    }
}
