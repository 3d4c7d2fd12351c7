package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code vibe detect} then {@code vibe nab-score} over the NAB subset beside the checkout (shared/data/nab). */
class NabScoreCommandTest {

    private static Path nab() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
             dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("nab");
            if (Files.isRegularFile(candidate.resolve("labels").resolve("combined_windows.json"))) {
                return candidate;
            }
        }
        return fail("shared/data/nab not found above " + System.getProperty("user.dir"));
    }

    @Test
    void theDefaultDetectorScoresAtLeast60OnTheSubsetThroughTheCli(@TempDir Path tmp) {
        Path nab = nab();
        CliRun detect = CliRun.vibe("detect", "--input", nab.resolve("data").toString(), "--output",
                tmp.resolve("default").toString());
        assertThat(detect.exitCode()).as(detect.err()).isZero();

        CliRun score = CliRun.vibe("nab-score", "--data", nab.resolve("data").toString(), "--labels",
                nab.resolve("labels/combined_windows.json").toString(), "--results", tmp.resolve("default").toString(),
                "--profile", "standard");

        assertThat(score.exitCode()).as(score.err()).isZero();
        String row = score.outLines().get(1);
        assertThat(row).startsWith("standard");
        assertThat(Double.parseDouble(row.split("\\s+")[1])).isGreaterThanOrEqualTo(60.0);
    }

    @Test
    void anUnknownProfileIsAUsageError(@TempDir Path tmp) {
        Path nab = nab();
        CliRun score = CliRun.vibe("nab-score", "--data", nab.resolve("data").toString(), "--labels",
                nab.resolve("labels/combined_windows.json").toString(), "--results", tmp.toString(),
                "--profile", "lenient");
        assertThat(score.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(score.err()).contains("lenient").contains("standard");
    }
}
