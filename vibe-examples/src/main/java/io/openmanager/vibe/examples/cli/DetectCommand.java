package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import io.openmanager.vibe.analytics.detect.InputCounters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vibe detect}: scores CSV series with a streaming detector and writes each file's rows with their scores
 * beside the same relative path under the output directory. Files are read by {@link SeriesCsv} and written through
 * {@link OutputFiles}; memory holds one detector per series, not the file.
 */
@Command(name = "detect",
        description = {"Scores CSV series with an anomaly detector.",
                "PATH is a CSV file or a directory searched recursively for *.csv. A file is 'timestamp,value' (NAB),"
                        + " 'timestamp,server,metric,value', or the CSV of 'vibe simulate --format csv'. For each it"
                        + " writes DIR/<same relative path>: 'timestamp,value,anomaly_score' for the first (one row per"
                        + " row kept, timestamp and value copied verbatim), 'timestamp,server,metric,value,"
                        + "anomaly_score' for the others; scores are in [0, 1].",
                "Timestamps: 'yyyy-MM-dd HH:mm:ss' (UTC, as NAB), ISO-8601 with or without offset (UTC), or epoch"
                        + " milliseconds. Empty, NaN, null and NA values are gaps: kept with score 0. Rows out of"
                        + " order, with bad timestamps or values that are not numbers are skipped; each file's skipped"
                        + " rows, gaps and duplicates are reported on standard error. A file or directory that cannot"
                        + " be read is reported and skipped; the exit code is then 1."})
final class DetectCommand implements Callable<Integer> {
    static final String VALUE_HEADER = "timestamp,value,anomaly_score";
    static final String SERIES_HEADER = "timestamp,server,metric,value,anomaly_score";

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "A CSV file or a directory.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the scored files go.")
    private Path output;

    @Option(names = "--detector", paramLabel = "NAME", defaultValue = AnomalyDetectors.DEFAULT,
            description = "The detector (default: ${DEFAULT-VALUE}); one of the registered names.")
    private String detector;

    @Override
    public Integer call() throws IOException {
        if (!AnomalyDetectors.names().contains(detector)) {
            throw usage("unknown detector " + TerminalText.quoted(detector) + "; known: " + AnomalyDetectors.names());
        }
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        InputFiles.Listing listing;
        try (GracefulStop stop = new GracefulStop(); OutputFiles files = new OutputFiles()) {
            try {
                listing = InputFiles.list("--input", input, true, output);
                checkOutputDirectory(listing, files);
            } catch (OutputFiles.OutputProblem e) {
                throw usage(e.getMessage());
            }
            for (String problem : listing.problems()) {
                err.println(name + ": " + problem);
            }
            boolean progress = System.console() != null && listing.files().size() > 1;
            int failed = listing.problems().size();
            int scored = 0;
            for (int i = 0; i < listing.files().size(); i++) {
                Path file = listing.files().get(i);
                Path relative = listing.base().relativize(file.toAbsolutePath());
                if (progress) {
                    err.printf(Locale.ROOT, "\r[%d/%d] %s", i + 1, listing.files().size(),
                            TerminalText.printable(relative.toString()));
                    err.flush();
                }
                String outcome;
                try {
                    outcome = scoreFile(file, output.resolve(relative.toString()), files, stop);
                    scored++;
                } catch (Stopped e) {
                    err.println((progress ? "\n" : "") + name + ": stopped by a signal after " + scored + " of "
                            + listing.files().size() + " file(s); " + TerminalText.quoted(output.resolve(
                                    relative.toString()).toString()) + " was not written (an earlier file there is"
                            + " left as it was)");
                    return VibeCli.EXIT_RUNTIME_ERROR;
                } catch (SeriesCsv.SeriesFileException e) {
                    failed++;
                    outcome = e.getMessage() + " (file skipped)";
                } catch (OutputFiles.OutputProblem | WriteFailure e) {
                    failed++;
                    outcome = e.getMessage() + " (file skipped)";
                } catch (IOException e) {
                    failed++;
                    outcome = "cannot read " + TerminalText.quoted(file.toString()) + ": " + OutputFiles.reason(e)
                            + " (file skipped)";
                }
                if (outcome != null) {
                    err.println((progress ? "\n" : "") + name + ": " + outcome);
                }
            }
            if (progress) {
                err.println();
            }
            // On standard error, like every file-writing command's summary: seen also when standard output is
            // redirected.
            err.printf(Locale.ROOT, "%s: scored %d of %d file(s) with '%s' into %s%n", name, scored,
                    listing.files().size(), detector, TerminalText.printable(output.toString()));
            return failed == 0 ? VibeCli.EXIT_OK : VibeCli.EXIT_RUNTIME_ERROR;
        }
    }

    /**
     * Declares every input before any output, and refuses an output directory that is the input directory or whose
     * scored file for a single input would be that input.
     */
    private void checkOutputDirectory(InputFiles.Listing listing, OutputFiles files) {
        for (Path file : listing.files()) {
            files.input("--input", file);
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new OutputFiles.OutputProblem("--output " + TerminalText.quoted(output.toString())
                    + " is a file, not a directory");
        }
        if (Files.isDirectory(input) && OutputFiles.identity(input).equals(OutputFiles.identity(output))) {
            throw new OutputFiles.OutputProblem("--output " + TerminalText.quoted(output.toString())
                    + " is the --input directory: the scored files would replace the files they score");
        }
        if (!Files.isDirectory(input)) {
            Path scored = output.resolve(input.getFileName().toString());
            if (OutputFiles.identity(scored).equals(OutputFiles.identity(input))) {
                throw new OutputFiles.OutputProblem("--output " + TerminalText.quoted(output.toString())
                        + " would put the scored file in place of --input " + TerminalText.quoted(input.toString()));
            }
        }
    }

    /** Scores one file into its output; returns what to say about it on standard error, or null. */
    private String scoreFile(Path in, Path out, OutputFiles files, GracefulStop stop) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new WriteFailure("cannot create the directory " + TerminalText.quoted(parent.toString())
                        + " for --output: " + OutputFiles.reason(e), e);
            }
        }
        OutputFiles.Target target = files.output("--output", out);
        Writer writer = open(target);
        Scorer scorer = new Scorer(writer, stop);
        SeriesCsv csv;
        try {
            csv = SeriesCsv.read(in, scorer);
        } catch (IOException | RuntimeException e) {
            target.abandon();
            throw e;
        }
        try {
            target.commit();
        } catch (IOException e) {
            throw new WriteFailure(e.getMessage(), e);
        }
        String about = csv.report().describe("kept with score 0", "kept, the later scored 0");
        // Gaps are counted by the detectors as missing values; what they skipped as non-finite was beyond +-1e100.
        long beyond = scorer.skippedNonFinite();
        if (beyond > 0) {
            about = (about == null ? "" : about + "; ") + beyond + " value(s) beyond +-1e100 scored 0";
        }
        return about == null ? null : TerminalText.printable(in.toString()) + ": " + about;
    }

    private static Writer open(OutputFiles.Target target) throws IOException {
        try {
            return target.open();
        } catch (IOException e) {
            throw new WriteFailure(e.getMessage(), e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Feeds each row to its series' detector and writes it with its score. */
    private final class Scorer implements SeriesCsv.Rows {
        private final Writer writer;
        private final GracefulStop stop;
        private AnomalyDetector[] detectors = new AnomalyDetector[4];
        private SeriesCsv csv;

        Scorer(Writer writer, GracefulStop stop) {
            this.writer = writer;
            this.stop = stop;
        }

        @Override
        public void begin(SeriesCsv reader) throws IOException {
            csv = reader;
            try {
                writer.write(reader.layout() == SeriesCsv.Layout.VALUE ? VALUE_HEADER : SERIES_HEADER);
                writer.write(System.lineSeparator());
            } catch (IOException e) {
                throw new WriteFailure("cannot write --output: " + OutputFiles.reason(e), e);
            }
        }

        @Override
        public void row(int series, long epochMillis, double value, boolean duplicate, String timestampText,
                        String valueText) throws IOException {
            if (stop.requested()) {
                throw new Stopped();
            }
            if (series >= detectors.length) {
                detectors = Arrays.copyOf(detectors, Math.max(series + 1, detectors.length * 2));
            }
            AnomalyDetector d = detectors[series];
            if (d == null) {
                d = AnomalyDetectors.create(detector);
                detectors[series] = d;
            }
            // The reader reports a duplicate timestamp's later rows as kept and scored 0: they never reach the detector
            // (a gap at the same time must not move a cycle on, nor a value be learned after a gap at its time).
            double score = duplicate ? 0.0 : d.update(epochMillis, value);
            try {
                Csv.field(writer, timestampText);
                writer.write(',');
                if (csv.layout() != SeriesCsv.Layout.VALUE) {
                    Csv.text(writer, csv.server(series));
                    writer.write(',');
                    Csv.text(writer, csv.metric(series));
                    writer.write(',');
                }
                Csv.field(writer, valueText);
                writer.write(',');
                writer.write(Double.toString(score));
                writer.write(System.lineSeparator());
            } catch (IOException e) {
                throw new WriteFailure("cannot write --output: " + OutputFiles.reason(e), e);
            }
        }

        long skippedNonFinite() {
            long total = 0;
            for (AnomalyDetector d : detectors) {
                if (d != null) {
                    InputCounters counters = d.inputCounters();
                    total += counters.skippedNonFinite();
                }
            }
            return total;
        }
    }

    /** A signal asked the run to stop: the file being scored is abandoned. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Writing an output failed (as opposed to reading an input). */
    static final class WriteFailure extends DescribedIOException {
        private static final long serialVersionUID = 1L;

        WriteFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
