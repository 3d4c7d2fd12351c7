package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import io.openmanager.vibe.analytics.detect.DefaultDetector;
import io.openmanager.vibe.analytics.evaluation.CostProfile;
import io.openmanager.vibe.analytics.evaluation.DetectorScores;
import io.openmanager.vibe.analytics.evaluation.DetectorTuning;
import io.openmanager.vibe.analytics.evaluation.DetectorTuning.Candidate;
import io.openmanager.vibe.analytics.evaluation.NabCorpus;
import io.openmanager.vibe.analytics.evaluation.NabResult;
import io.openmanager.vibe.analytics.evaluation.NabSweeper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The development protocol of Vibe's detectors, as code: every registered detector scored the NAB way on the two
 * development corpora in {@code ../shared/data} (the NAB subset and the cloud-monitoring half, CMD) and on both
 * together, and the default detector's parameters chosen on one corpus at a time and scored on the other.
 *
 * <pre>
 * java -cp vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.DetectorEvaluation [--shared DIR]
 *      [table | protocol | all]
 * </pre>
 * {@code DIR} is the folder holding {@code data/nab} and {@code data/cmd} ({@code ../shared} by default, relative to
 * the working directory). {@code table} prints one row per registered detector with its defaults; {@code protocol}
 * tunes the default detector over {@link #GRID} on NAB, on CMD and on both, and prints each choice's score on every
 * corpus, each labelled in-sample (the corpus it was chosen on) or cross-corpus; {@code all} (the default) does both.
 * Scores are NAB's normalised scores: probation, one threshold swept over all files of a corpus, standard profile
 * unless a column says otherwise. {@code CrossCorpusTest} pins the cross-corpus numbers.
 */
public final class DetectorEvaluation {
    /** The default detector's parameters the protocol chooses among, its defaults first. */
    public static final List<Candidate> GRID = grid();

    private DetectorEvaluation() {
    }

    private static List<Candidate> grid() {
        List<Candidate> grid = new ArrayList<>();
        grid.add(new Candidate(DefaultDetector.NAME, Map.of()));
        for (int minutes : new int[] {360, 720, 1440}) {
            for (double alpha : new double[] {0.003, 0.005, 0.01}) {
                if (minutes == DefaultDetector.DEFAULT_SUPPRESSION_MINUTES
                        && alpha == DefaultDetector.DEFAULT_CALIBRATION_ALPHA) {
                    continue;
                }
                grid.add(new Candidate(DefaultDetector.NAME, Map.of("suppressionMinutes", Integer.toString(minutes),
                        "calibrationAlpha", Double.toString(alpha))));
            }
        }
        return List.copyOf(grid);
    }

    /** The development corpora, loaded once. */
    public record Corpora(NabCorpus nab, NabCorpus cmd, NabCorpus both) {
        /** Loads {@code shared/data/nab} and {@code shared/data/cmd}. */
        public static Corpora load(Path shared) throws IOException {
            NabCorpus nab = NabCorpus.load(shared.resolve("data").resolve("nab"));
            NabCorpus cmd = NabCorpus.load(shared.resolve("data").resolve("cmd"));
            return new Corpora(nab, cmd, NabCorpus.merge(Map.of("nab", nab, "cmd", cmd)));
        }

        /** The corpora by label: NAB, CMD, both. */
        Map<String, NabCorpus> byLabel() {
            Map<String, NabCorpus> m = new LinkedHashMap<>();
            m.put("NAB", nab);
            m.put("CMD", cmd);
            m.put("both", both);
            return m;
        }
    }

    /**
     * One tuning: the corpus it saw, what it chose, and the choice's standard score on each corpus.
     *
     * @param tunedOn the label of the corpus the parameters were chosen on
     * @param chosen  the chosen candidate
     * @param nab     its score on the NAB subset
     * @param cmd     its score on the CMD half
     * @param both    its score on both together
     */
    public record Tuned(String tunedOn, Candidate chosen, double nab, double cmd, double both) {
    }

    /** Tunes the default detector over {@link #GRID} on NAB, on CMD and on both, and scores each choice everywhere. */
    public static List<Tuned> protocol(Corpora corpora) {
        List<Tuned> rows = new ArrayList<>();
        for (Map.Entry<String, NabCorpus> seen : corpora.byLabel().entrySet()) {
            Candidate chosen = DetectorTuning.tune(seen.getValue(), CostProfile.STANDARD, GRID).best();
            rows.add(new Tuned(seen.getKey(), chosen, standard(chosen, corpora.nab()), standard(chosen, corpora.cmd()),
                    standard(chosen, corpora.both())));
        }
        return rows;
    }

    /** A candidate's normalised standard score on a corpus. */
    public static double standard(Candidate candidate, NabCorpus corpus) {
        return candidate.scoreOn(corpus, CostProfile.STANDARD).normalisedScore();
    }

    /**
     * Runs the protocol and prints it.
     *
     * @param args {@code [--shared DIR] [table | protocol | all]}
     */
    public static void main(String[] args) throws IOException {
        Path shared = Path.of("..", "shared");
        String what = "all";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--shared") && i + 1 < args.length) {
                shared = Path.of(args[++i]);
            } else if (List.of("table", "protocol", "all").contains(args[i])) {
                what = args[i];
            } else {
                throw new IllegalArgumentException("usage: DetectorEvaluation [--shared DIR] [table | protocol | all],"
                        + " found: " + args[i]);
            }
        }
        Corpora corpora = Corpora.load(shared);
        System.out.printf("NAB subset: %d files, %d windows; CMD half: %d files, %d windows (%d scored), %d gaps%n%n",
                corpora.nab().series().size(), corpora.nab().windowCount(), corpora.cmd().series().size(),
                corpora.cmd().windowCount(), corpora.cmd().scoredWindowCount(), corpora.cmd().gapCount());
        if (!what.equals("protocol")) {
            printTable(corpora);
        }
        if (!what.equals("table")) {
            printProtocol(corpora);
        }
    }

    private static void printTable(Corpora corpora) {
        System.out.println("| detector | NAB standard | NAB low FP | NAB low FN | CMD standard | both standard |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String name : AnomalyDetectors.names()) {
            Candidate c = new Candidate(name, Map.of());
            DetectorScores nab = c.scores(corpora.nab());
            List<NabResult> r = NabSweeper.sweepAll(corpora.nab(), nab, CostProfile.builtIns());
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", name,
                    r.get(0).normalisedScore(), r.get(1).normalisedScore(), r.get(2).normalisedScore(),
                    standard(c, corpora.cmd()), standard(c, corpora.both()));
        }
        System.out.println();
    }

    private static void printProtocol(Corpora corpora) {
        System.out.println("Default detector, parameters chosen over " + GRID.size()
                + " candidates (standard profile):");
        System.out.println("| chosen on | parameters | NAB | CMD | both |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Tuned t : protocol(corpora)) {
            boolean onBoth = t.tunedOn().equals("both");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", t.tunedOn(), t.chosen(),
                    cell(t.nab(), onBoth || t.tunedOn().equals("NAB") ? "in-sample" : "cross-corpus"),
                    cell(t.cmd(), onBoth || t.tunedOn().equals("CMD") ? "in-sample" : "cross-corpus"),
                    cell(t.both(), onBoth ? "in-sample" : "half in-sample"));
        }
    }

    private static String cell(double score, String label) {
        return String.format(Locale.ROOT, "%.2f (%s)", score, label);
    }
}
