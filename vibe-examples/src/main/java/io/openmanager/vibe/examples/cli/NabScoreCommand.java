package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.evaluation.AnomalyWindow;
import io.openmanager.vibe.analytics.evaluation.CostProfile;
import io.openmanager.vibe.analytics.evaluation.DetectorScores;
import io.openmanager.vibe.analytics.evaluation.NabCorpus;
import io.openmanager.vibe.analytics.evaluation.NabResult;
import io.openmanager.vibe.analytics.evaluation.NabSeries;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code vibe nab-score}: NAB's normalised scores of results written by {@code vibe detect}. Data and results are read
 * by {@link SeriesCsv}, as {@code vibe detect} read the data, so the rows it kept line up with its scores.
 */
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
            throw new ParameterException(spec.commandLine(), "unknown profile " + TerminalText.quoted(profile)
                    + "; known: standard, reward_low_FP_rate, reward_low_FN_rate");
        }
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        List<NabSeries> series = new ArrayList<>();
        Map<String, double[]> scores = new TreeMap<>();
        for (Map.Entry<String, List<AnomalyWindow>> entry : NabCorpus.readWindows(labels).entrySet()) {
            Path dataFile = NabCorpus.resolve(data, entry.getKey(), labels);
            Rows rows = Rows.read(dataFile, "value", note -> err.println(name + ": " + note));
            NabSeries s;
            try {
                s = NabSeries.of(entry.getKey(), rows.times(), rows.values(), entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new DescribedIOException(TerminalText.printable(dataFile.toString()) + ": "
                        + TerminalText.printable(e.getMessage()));
            }
            series.add(s);
            Path resultFile = NabCorpus.resolve(results, entry.getKey(), results);
            Rows scored = Rows.read(resultFile, "anomaly_score", note -> err.println(name + ": " + note));
            scores.put(entry.getKey(), scored.alignedWith(rows, dataFile));
        }
        NabCorpus corpus = NabCorpus.of(series);
        DetectorScores detectorScores = DetectorScores.of(results.getFileName().toString(), scores);
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("PROFILE", "SCORE", "THRESHOLD", "WINDOWS_DETECTED", "FALSE_POSITIVES");
        for (CostProfile p : profiles) {
            NabResult r = NabSweeper.of(p).sweep(corpus, detectorScores);
            table.addRow(p.name(), String.format(Locale.ROOT, "%.2f", r.normalisedScore()),
                    String.format(Locale.ROOT, "%.6f", r.threshold()), r.windowsDetected() + "/" + r.windows(),
                    r.falsePositives());
        }
        table.print(out);
        return VibeCli.EXIT_OK;
    }

    /** The rows of one file of one series, as primitive arrays. */
    private static final class Rows {
        private final Path file;
        private long[] times = new long[1024];
        private double[] values = new double[1024];
        private int size;

        private Rows(Path file) {
            this.file = file;
        }

        static Rows read(Path file, String column, java.util.function.Consumer<String> notes) throws IOException {
            Rows rows = new Rows(file);
            SeriesCsv csv = SeriesCsv.read(file, column, (series, millis, value, duplicate, timestampText,
                                                          valueText) -> rows.add(millis, value));
            if (csv.layout() != SeriesCsv.Layout.VALUE) {
                throw new DescribedIOException(TerminalText.printable(file.toString()) + ": a NAB file has one series"
                        + " ('timestamp," + column + "'), not " + csv.seriesCount());
            }
            if (rows.size == 0) {
                throw new DescribedIOException(TerminalText.printable(file.toString()) + ": no data rows");
            }
            String about = csv.report().describe("kept", "kept");
            if (about != null) {
                notes.accept(TerminalText.printable(file.toString()) + ": " + about);
            }
            return rows;
        }

        private void add(long millis, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = millis;
            values[size++] = value;
        }

        long[] times() {
            return Arrays.copyOf(times, size);
        }

        double[] values() {
            return Arrays.copyOf(values, size);
        }

        /** These scores, checked row by row against the data file's timestamps; a gap scores 0. */
        double[] alignedWith(Rows data, Path dataFile) throws DescribedIOException {
            if (size != data.size) {
                throw new DescribedIOException(TerminalText.printable(file.toString()) + ": has " + size + " rows but"
                        + " the data file " + TerminalText.quoted(dataFile.toString()) + " has " + data.size
                        + " (score the data again with 'vibe detect')");
            }
            double[] scores = new double[size];
            for (int i = 0; i < size; i++) {
                if (times[i] != data.times[i]) {
                    throw new DescribedIOException(TerminalText.printable(file.toString()) + ": row " + (i + 1)
                            + " is at " + java.time.Instant.ofEpochMilli(times[i]) + " but row " + (i + 1)
                            + " of the data file is at " + java.time.Instant.ofEpochMilli(data.times[i]));
                }
                scores[i] = Double.isNaN(values[i]) ? 0 : values[i];
            }
            return scores;
        }
    }
}
