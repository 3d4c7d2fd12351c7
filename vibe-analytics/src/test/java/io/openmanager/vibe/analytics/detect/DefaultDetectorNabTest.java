package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.evaluation.CostProfile;
import io.openmanager.vibe.analytics.evaluation.DetectorScores;
import io.openmanager.vibe.analytics.evaluation.NabCorpus;
import io.openmanager.vibe.analytics.evaluation.NabResult;
import io.openmanager.vibe.analytics.evaluation.NabSeries;
import io.openmanager.vibe.analytics.evaluation.NabSweeper;
import io.openmanager.vibe.testdata.Corpus;
import io.openmanager.vibe.testdata.RequiresCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every registered detector, with its defaults and the same defaults for every file, on the development corpora in
 * {@code ../shared/data} (the NAB subset and the cloud-monitoring half, CMD), scored the NAB way; the default
 * detector's scores pinned as lower bounds, and its causality checked on every file. The development protocol
 * (parameters chosen on one corpus, scored on the other) is {@code DetectorEvaluation} and {@code CrossCorpusTest}
 * in vibe-benchmarks.
 */
class DefaultDetectorNabTest {

    private static DetectorScores run(String name, NabCorpus corpus) {
        return DetectorScores.compute(name, corpus, () -> AnomalyDetectors.create(name));
    }

    @Test
    @RequiresCorpus(Corpus.NAB)
    void everyDetectorOnTheNabSubsetAndTheDefaultsPinned() throws IOException {
        NabCorpus nab = NabCorpus.load(Corpus.NAB.path());
        for (String name : AnomalyDetectors.names()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "NAB %-14s", name));
            for (NabResult r : NabSweeper.sweepAll(nab, run(name, nab), CostProfile.builtIns())) {
                line.append(String.format(Locale.ROOT, " %s %.2f", r.profile().name(), r.normalisedScore()));
            }
            System.out.println(line);
        }
        List<NabResult> results = NabSweeper.sweepAll(nab, run(AnomalyDetectors.DEFAULT, nab), CostProfile.builtIns());
        // Measured values minus 0.5: a change that lowers the default's quality fails here.
        assertThat(results.get(0).normalisedScore()).as("standard").isGreaterThanOrEqualTo(NAB_STANDARD - 0.5);
        assertThat(results.get(1).normalisedScore()).as("low FP").isGreaterThanOrEqualTo(NAB_LOW_FP - 0.5);
        assertThat(results.get(2).normalisedScore()).as("low FN").isGreaterThanOrEqualTo(NAB_LOW_FN - 0.5);
    }

    @Test
    @RequiresCorpus(Corpus.CMD)
    void theDefaultOnTheCloudMonitoringHalfGapsIncluded() throws IOException {
        NabCorpus cmd = NabCorpus.load(Corpus.CMD.path());
        NabResult r = NabSweeper.of(CostProfile.STANDARD).sweep(cmd, run(AnomalyDetectors.DEFAULT, cmd));
        System.out.printf(Locale.ROOT, "CMD default standard %.2f%n", r.normalisedScore());
        assertThat(cmd.gapCount()).isPositive();
        assertThat(r.normalisedScore()).as("standard").isGreaterThanOrEqualTo(CMD_STANDARD - 0.5);
    }

    /** The scores of the first part of a file, run alone, are the first scores of the whole file's run. */
    @Test
    @RequiresCorpus({Corpus.NAB, Corpus.CMD})
    void aPrefixOfAFileScoresTheSameAsThePrefixOfTheFullRun() throws IOException {
        for (Corpus corpus : new Corpus[] {Corpus.NAB, Corpus.CMD}) {
            for (NabSeries s : NabCorpus.load(corpus.path()).series()) {
                AnomalyDetector whole = AnomalyDetectors.createDefault();
                double[] full = new double[s.size()];
                for (int r = 0; r < s.size(); r++) {
                    full[r] = whole.update(s.epochMillis(r), s.value(r));
                }
                int cut = s.size() * 3 / 5;
                AnomalyDetector prefix = AnomalyDetectors.createDefault();
                double[] part = new double[cut];
                for (int r = 0; r < cut; r++) {
                    part[r] = prefix.update(s.epochMillis(r), s.value(r));
                }
                assertThat(part).as(s.name()).isEqualTo(Arrays.copyOf(full, cut));
            }
        }
    }

    private static final double NAB_STANDARD = 60.88;
    private static final double NAB_LOW_FP = 52.63;
    private static final double NAB_LOW_FN = 65.59;
    private static final double CMD_STANDARD = 66.64;
}
