package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

class ProgressTest {
    private long now;
    private final StringWriter err = new StringWriter();
    private final Progress progress = new Progress(new PrintWriter(err), "vibe simulate", 1000, () -> now);

    private void advance(int ticks, long nanosEach) {
        for (int i = 0; i < ticks; i++) {
            now += nanosEach;
            progress.advance();
        }
    }

    @Test
    void staysQuietForShortRuns() {
        advance(1000, 900_000); // 0.9 s in all

        progress.finish();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void drawsOneLineAfterASecondAndErasesItAtTheEnd() {
        advance(512, 2_000_000); // 1.024 s

        assertThat(err.toString()).isEqualTo("\rvibe simulate [###############...............] 51% 512/1000");

        advance(488, 2_000_000);
        progress.finish();

        String text = err.toString();
        assertThat(text).doesNotContain("\n").contains("\rvibe simulate [##########################....] 89% 896/1000");
        assertThat(text).endsWith("\r" + " ".repeat("vibe simulate [] 89% 896/1000".length() + 30) + "\r");
    }

    @Test
    void redrawsAtMostFourTimesASecond() {
        advance(1000, 1_500_000); // 1.5 s

        assertThat(err.toString().chars().filter(c -> c == '\r').count()).isLessThanOrEqualTo(3);
    }

    @Test
    void testsDoNotRunInATerminal() {
        // The condition that keeps the bar out of logs and pipes; under a build tool it is false.
        assertThat(Progress.terminalAttached()).isFalse();
    }
}
