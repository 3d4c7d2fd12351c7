package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.testdata.Corpus;
import io.openmanager.vibe.testdata.RequiresCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@code vibe detect} then {@code vibe nab-score} over the NAB subset beside the checkout (shared/data/nab). */
@RequiresCorpus(Corpus.NAB)
class NabScoreCommandTest {

    @Test
    void theDefaultDetectorScoresAtLeast60OnTheSubsetThroughTheCli(@TempDir Path tmp) {
        Path nab = Corpus.NAB.path();
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
        Path nab = Corpus.NAB.path();
        CliRun score = CliRun.vibe("nab-score", "--data", nab.resolve("data").toString(), "--labels",
                nab.resolve("labels/combined_windows.json").toString(), "--results", tmp.toString(),
                "--profile", "lenient");
        assertThat(score.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(score.err()).contains("lenient").contains("standard");
    }
}
