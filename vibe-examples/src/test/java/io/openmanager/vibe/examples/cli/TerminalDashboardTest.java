package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The live view of {@code vibe demo} fits the terminal it gets, uses its space, and redraws without clearing the
 * screen. Fed by fourteen simulated hours of the default fleet (the built-in scenarios fire in them).
 */
class TerminalDashboardTest {
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");
    private static DemoTracker tracker;

    @BeforeAll
    static void run() {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        tracker = new DemoTracker(engine, Locale.ENGLISH);
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(tracker).build();
        engine.batch().ticks(0, engine.ticksIn(Duration.ofHours(14))).listener(event -> {
            pipeline.onEvent(event);
            tracker.onEvent(event);
        }).run();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24, 16", "100, 30, 20", "160, 50, 20", "40, 8, 0"})
    void everyLineFitsAndNothingScrolls(int columns, int rows, int serverRows) {
        for (Ansi ansi : new Ansi[]{Ansi.OFF, Ansi.ON}) {
            List<String> lines = dashboard(ansi, new StringWriter()).lines(tracker.lastFrame, columns, rows);
            assertThat(lines).hasSizeLessThanOrEqualTo(Math.max(8, rows) - 1);
            for (String line : lines) {
                assertThat(TerminalDashboard.columns(ESCAPES.matcher(line).replaceAll("")))
                        .as("width of '%s'", line).isLessThan(Math.max(40, columns));
            }
            assertThat(lines.get(0)).contains("vibe demo").contains("2026-01-05 13:59:55");
            long servers = lines.stream().filter(l -> ESCAPES.matcher(l).replaceAll("")
                    .matches("^\\S+-\\d\\d\\s.*")).count();
            if (serverRows > 0) { // at 40 columns the hostnames are cut
                assertThat(servers).as("server rows at %dx%d", columns, rows).isEqualTo(serverRows);
            }
        }
    }

    @Test
    void aLargerTerminalGetsMoreColumnsAndFillsItsLines() {
        TerminalDashboard dashboard = dashboard(Ansi.OFF, new StringWriter());
        List<String> small = dashboard.lines(tracker.lastFrame, 80, 24);
        List<String> large = dashboard.lines(tracker.lastFrame, 160, 50);
        assertThat(small).hasSize(23);
        assertThat(small.subList(0, 3)).as("header at 80 columns").noneMatch(line -> line.contains("\u2026"));
        assertThat(large).hasSize(49);
        assertThat(small.get(2)).doesNotContain("net in").contains("server (worst 16 of 20)");
        assertThat(large.get(2)).contains("net in", "net out").doesNotContain("worst");
        assertThat(String.join("\n", large)).contains("latest events:", "latest predictions:",
                "latest recommendations:", "incidents in progress (ground truth):");
    }

    @Test
    void coloursComeFromPicocliAndOnlyWhenAnsiIsOn() {
        String off = String.join("\n", dashboard(Ansi.OFF, new StringWriter()).lines(tracker.lastFrame, 160, 50));
        String on = String.join("\n", dashboard(Ansi.ON, new StringWriter()).lines(tracker.lastFrame, 160, 50));
        assertThat(off).doesNotContain("\u001b");
        assertThat(on).contains("\u001b[32mhealthy", "\u001b[1mvibe demo");
        assertThat(ESCAPES.matcher(on).replaceAll("")).isEqualTo(off);
    }

    @Test
    void aRedrawGoesHomeAndClearsLinesNeverTheWholeScreen() {
        StringWriter text = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        TerminalDashboard dashboard = new TerminalDashboard(tracker, new PrintWriter(text), Ansi.OFF,
                () -> new TerminalSize(80, 24), nanos::get);
        FleetFrame frame = tracker.lastFrame;
        dashboard.accept(frame);
        dashboard.accept(frame); // within 250 ms: not drawn again
        String screen = text.toString();
        assertThat(screen).startsWith("\u001b[H").endsWith("\u001b[K\u001b[J").doesNotContain("\u001b[2J");
        assertThat(screen.split("\u001b\\[H", -1)).hasSize(2);
        assertThat(screen.split(System.lineSeparator(), -1)).hasSize(23)
                .allMatch(line -> line.endsWith("\u001b[K") || line.endsWith("\u001b[K\u001b[J"));
        nanos.addAndGet(300_000_000L);
        dashboard.accept(frame);
        assertThat(text.toString().split("\u001b\\[H", -1)).hasSize(3);
    }

    @Test
    void sttySizeIsReadAsRowsThenColumns() {
        assertThat(TerminalSize.parse("24 80\n")).isEqualTo(new TerminalSize(80, 24));
        assertThat(TerminalSize.parse("50 160")).isEqualTo(new TerminalSize(160, 50));
        assertThat(TerminalSize.parse("0 0")).isNull();
        assertThat(TerminalSize.parse("stty: not a tty")).isNull();
    }

    @Test
    void wideCharactersCountTwoCellsWhenALineIsCut() {
        String korean = "\uba54\ubaa8\ub9ac \uc99d\uac00 \ucd94\uc138"; // 7 wide syllables, 2 spaces
        assertThat(TerminalDashboard.columns(korean)).isEqualTo(16);
        assertThat(TerminalDashboard.fit(korean, 16)).isEqualTo(korean);
        String cut = TerminalDashboard.fit(korean, 10);
        assertThat(TerminalDashboard.columns(cut)).isLessThanOrEqualTo(10);
        assertThat(cut).endsWith("\u2026");
    }

    private static TerminalDashboard dashboard(Ansi ansi, StringWriter out) {
        return new TerminalDashboard(tracker, new PrintWriter(out), ansi, () -> TerminalSize.DEFAULT, () -> 0L);
    }
}
