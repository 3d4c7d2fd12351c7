package io.openmanager.vibe.flink.example;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VibeFlinkJobTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void runsOnTheEnvironmentItIsGivenAndPrintsAnomalyLines() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            VibeFlinkJob.main(new String[] {"--servers", "60", "--hours", "2", "--servers-per-split", "20",
                    "--parallelism", "2", "--detector", "ewma", "--threshold", "0.9"});
        } finally {
            System.setOut(stdout);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).isNotEmpty().allMatch(line ->
                line.matches("\\d+> 2026-01-05T\\S+Z \\S+ \\S+ -?\\d+\\.\\d{3} score (0\\.9\\d{3}|1\\.0000)"));
    }

    @Test
    void badArgumentsFailNamingTheOptionAndValue() {
        assertThatThrownBy(() -> VibeFlinkJob.main(new String[] {"--bogus"}))
                .hasMessage("unknown option: --bogus");
        assertThatThrownBy(() -> VibeFlinkJob.main(new String[] {"--servers"}))
                .hasMessage("option --servers needs a value");
        assertThatThrownBy(() -> VibeFlinkJob.main(new String[] {"--servers", "ten"}))
                .hasMessage("--servers must be a whole number: ten");
        assertThatThrownBy(() -> VibeFlinkJob.main(new String[] {"--hours", "-1"}))
                .hasMessage("--hours must be > 0: -1");
        assertThatThrownBy(() -> VibeFlinkJob.main(new String[] {"--detector", "nope"}))
                .hasMessageContaining("nope");
    }
}
