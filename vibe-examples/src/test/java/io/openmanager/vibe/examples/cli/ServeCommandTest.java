package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeCommandTest {

    @Test
    void aShortRunListensOnAFreePortAndSaysWhatItDid() {
        CliRun run = vibe("serve", "--port", "0", "--speed", "1200", "--duration", "1m");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).matches("vibe serve: http://127\\.0\\.0\\.1:(\\d+)/ \\(dashboard\\), "
                + "http://127\\.0\\.0\\.1:\\1/metrics, http://127\\.0\\.0\\.1:\\1/events, "
                + "http://127\\.0\\.0\\.1:\\1/api/fleet; speed 1200\\.0; Ctrl-C stops");
        assertThat(run.outLines().get(1)).isEqualTo("vibe serve: stopped after 12 ticks; /events dropped 0 slow "
                + "clients");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--speed 0|vibe serve: --speed must be a positive number: 0.0",
            "--port 70000|vibe serve: --port must be in [0, 65535]: 70000",
            "--event-buffer 0|vibe serve: --event-buffer must be in 1..1000000: 0",
            "--event-buffer 2000000000|vibe serve: --event-buffer must be in 1..1000000: 2000000000",
            "--history 365d|vibe serve: --history 365d is 6307200 ticks of --step 5s; at most 100000 ticks are kept",
            "--lang fr|vibe serve: --lang must be en or ko: fr",
            "--duration 0s|vibe serve: --duration must be longer than 0s"})
    void badOptionsAreUsageErrors(String options, String message) {
        CliRun run = vibe(("serve " + options).split(" "));

        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(run.err()).isEqualTo(message + System.lineSeparator());
    }
}
