package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.evaluation.CostProfile;
import io.openmanager.vibe.analytics.evaluation.DetectorScores;
import io.openmanager.vibe.analytics.evaluation.NabCorpus;
import io.openmanager.vibe.analytics.evaluation.NabResult;
import io.openmanager.vibe.analytics.evaluation.NabSweeper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vibe nab-score}: NAB's normalised scores of results written by {@code vibe detect}. */
@Command(name = "nab-score",
        description = {"Scores 'vibe detect' results against NAB labels: the threshold that maximises the corpus"
                + " score, and the score normalised between a detector that never fires (0) and a perfect one (100).",
                "DIR holds the data files (<category>/<file>.csv), FILE is NAB's combined_windows.json, RESULTS"
                        + " holds 'vibe detect --output' for DIR."})
final class NabScoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "NAB data directory.")
    private Path data;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "NAB combined_windows.json.")
    private Path labels;

    @Option(names = "--results", required = true, paramLabel = "DIR", description = "Output of 'vibe detect'.")
    private Path results;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "standard, reward_low_FP_rate or reward_low_FN_rate (default: all three).")
    private String profile;

    @Override
    public Integer call() throws IOException {
        List<CostProfile> profiles = new ArrayList<>();
        for (CostProfile p : CostProfile.builtIns()) {
            if (profile == null || p.name().equals(profile)) {
                profiles.add(p);
            }
        }
        if (profiles.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown profile '" + profile
                    + "'; known: standard, reward_low_FP_rate, reward_low_FN_rate");
        }
        NabCorpus corpus = NabCorpus.load(data, labels);
        DetectorScores scores = DetectorScores.loadVibe(results, results.getFileName().toString(), corpus);
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("PROFILE", "SCORE", "THRESHOLD", "WINDOWS_DETECTED", "FALSE_POSITIVES");
        for (CostProfile p : profiles) {
            NabResult r = NabSweeper.of(p).sweep(corpus, scores);
            table.addRow(p.name(), String.format(Locale.ROOT, "%.2f", r.normalisedScore()),
                    String.format(Locale.ROOT, "%.6f", r.threshold()), r.windowsDetected() + "/" + r.windows(),
                    r.falsePositives());
        }
        table.print(out);
        return VibeCli.EXIT_OK;
    }
}
