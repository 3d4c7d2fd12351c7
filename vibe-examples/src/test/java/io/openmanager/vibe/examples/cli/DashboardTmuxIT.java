package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code vibe demo}'s dashboard in a real terminal: the packaged jar runs in tmux at 80x24 and 160x50, and the screen
 * is read back while the dashboard redraws. The header stays on the first line (nothing scrolled), no line wrapped
 * (tmux joins wrapped lines with {@code capture-pane -J}, so a wrapped line comes back longer than the terminal),
 * the view leaves the last line free and shows as many servers as fit. Needs tmux (Debian: apt-get install tmux;
 * {@code .ci/run} installs it); without it the test is skipped.
 */
class DashboardTmuxIT {
    private static final Pattern SERVER_ROW = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*-\\d\\d\\s+(healthy|warning|"
            + "critical|offline)\\b.*");
    private static Path jar;
    private final String socket = "vibe-it-" + ProcessHandle.current().pid();
    private boolean started;

    @BeforeAll
    static void findJarAndTmux() throws Exception {
        assumeTrue(run(List.of("tmux", "-V")).exitCode == 0, "tmux is not installed (Debian: apt-get install tmux)");
        jar = Path.of(System.getProperty("vibe.jar"));
        assertThat(jar).isRegularFile();
    }

    @AfterEach
    void killOurTmuxServer() throws Exception {
        if (started) {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24, 16", "160, 50, 20"})
    void theDashboardFitsTheTerminal(int columns, int rows, int serverRows) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String demo = java + " -jar " + jar + " demo --duration 12h --speed 2000; sleep 60";
        started = true;
        Result session = run(List.of("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d",
                "-x", Integer.toString(columns), "-y", Integer.toString(rows), demo));
        assertThat(session.exitCode).as("tmux new-session: %s", session.output).isZero();

        List<String> screen = awaitDashboard();
        assertThat(screen.get(0)).startsWith("vibe demo 2026-01-05");
        for (String line : screen) {
            assertThat(TerminalDashboard.columns(line)).as("width of '%s'", line).isLessThan(columns);
        }
        int last = screen.size() - 1;
        while (last >= 0 && screen.get(last).isBlank()) {
            last--;
        }
        assertThat(last).as("last used line of %d", rows).isLessThan(rows - 1);
        assertThat(screen.stream().filter(line -> SERVER_ROW.matcher(line).matches()).count())
                .as("server rows").isEqualTo(serverRows);
    }

    /** The screen once the dashboard shows servers and has been redrawn a few times (after the first hour). */
    private List<String> awaitDashboard() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<String> screen = List.of();
        while (System.nanoTime() < deadline) {
            Result capture = run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-J"));
            screen = capture.output.lines().toList();
            if (!screen.isEmpty() && screen.get(0).startsWith("vibe demo 2026-01-05 0")
                    && !screen.get(0).startsWith("vibe demo 2026-01-05 00")) {
                return screen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no dashboard after 90 s; the screen:\n" + String.join("\n", screen));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tmux", ".txt");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            } catch (IOException e) {
                return new Result(-1, e.getMessage());
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
