package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code vibe detect}: scores CSV series ({@code timestamp,value}, NAB layout) with a streaming detector and writes
 * {@code timestamp,value,anomaly_score} beside the same relative path under the output directory.
 */
@Command(name = "detect",
        description = {"Scores CSV series with an anomaly detector.",
                "PATH is a CSV file or a directory searched recursively for *.csv, each with the header"
                        + " 'timestamp,value'. For each it writes DIR/<same relative path> with the header"
                        + " 'timestamp,value,anomaly_score': one row per input row, the timestamp copied verbatim,"
                        + " the score in [0, 1].",
                "Timestamps: 'yyyy-MM-dd HH:mm:ss' (UTC, as NAB), ISO-8601 with or without offset (UTC), or epoch"
                        + " milliseconds. A file that cannot be read is reported (file and line) and skipped;"
                        + " the exit code is then 1."})
final class DetectCommand implements Callable<Integer> {
    static final String INPUT_HEADER = "timestamp,value";
    static final String OUTPUT_HEADER = "timestamp,value,anomaly_score";

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
            throw new ParameterException(spec.commandLine(), "unknown detector '" + detector + "'; known: "
                    + AnomalyDetectors.names());
        }
        if (!Files.exists(input)) {
            throw new ParameterException(spec.commandLine(), "input not found: " + input);
        }
        List<Path> files = new ArrayList<>();
        Path base;
        if (Files.isDirectory(input)) {
            base = input;
            try (Stream<Path> walk = Files.walk(input)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))
                        .sorted().forEach(files::add);
            }
        } else {
            base = input.toAbsolutePath().getParent();
            files.add(input.toAbsolutePath());
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = System.console() != null && files.size() > 1;
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path relative = base.relativize(file);
            if (progress) {
                err.printf(Locale.ROOT, "\r[%d/%d] %s", i + 1, files.size(), relative);
                err.flush();
            }
            try {
                scoreFile(file, output.resolve(relative.toString()));
            } catch (MalformedInput e) {
                failed++;
                err.println((progress ? "\n" : "") + spec.qualifiedName() + ": " + file + ":" + e.line + ": "
                        + e.getMessage() + " (file skipped)");
            } catch (IOException | UncheckedIOException e) {
                failed++;
                err.println((progress ? "\n" : "") + spec.qualifiedName() + ": " + file + ": cannot read: "
                        + e.getMessage() + " (file skipped)");
            }
        }
        if (progress) {
            err.println();
        }
        // On standard error, like every file-writing command's summary: seen also when standard output is redirected.
        err.printf(Locale.ROOT, "%s: scored %d of %d file(s) with '%s' into %s%n", spec.qualifiedName(),
                files.size() - failed, files.size(), detector, output);
        return failed == 0 ? VibeCli.EXIT_OK : VibeCli.EXIT_RUNTIME_ERROR;
    }

    private void scoreFile(Path in, Path out) throws IOException {
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(INPUT_HEADER)) {
            throw new MalformedInput(1, "header must be '" + INPUT_HEADER + "'"
                    + (lines.isEmpty() ? " but the file is empty" : " but is '" + lines.get(0) + "'"));
        }
        int rows = lines.size() - 1;
        while (rows > 0 && lines.get(rows).isBlank()) {
            rows--;
        }
        String[] timestamps = new String[rows];
        String[] values = new String[rows];
        double[] scores = new double[rows];
        AnomalyDetector d = AnomalyDetectors.create(detector);
        for (int r = 0; r < rows; r++) {
            String line = lines.get(r + 1);
            int comma = line.indexOf(',');
            if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
                throw new MalformedInput(r + 2, "expected 2 fields 'timestamp,value': '" + line + "'");
            }
            timestamps[r] = line.substring(0, comma);
            values[r] = line.substring(comma + 1);
            long millis = parseTimestamp(timestamps[r].strip(), r + 2);
            double value;
            try {
                value = Double.parseDouble(values[r].strip());
            } catch (NumberFormatException e) {
                throw new MalformedInput(r + 2, "value is not a number: '" + values[r] + "'");
            }
            scores[r] = d.update(millis, value);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Through a temporary file: a run that fails part-way leaves an earlier output as it was, never half a file.
        String newLine = System.lineSeparator();
        int count = rows;
        ReplacingWriter.write(out, w -> {
            w.write(OUTPUT_HEADER);
            w.write(newLine);
            for (int r = 0; r < count; r++) {
                w.write(timestamps[r]);
                w.write(',');
                w.write(values[r]);
                w.write(',');
                w.write(Double.toString(scores[r]));
                w.write(newLine);
            }
        });
    }

    /** NAB's {@code yyyy-MM-dd HH:mm:ss} or ISO-8601 (UTC unless an offset is given) or epoch milliseconds. */
    static long parseTimestamp(String text, int line) {
        try {
            if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(text);
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MalformedInput(line, "timestamp not understood: '" + text + "'");
        }
    }

    /** A malformed row: the file is skipped. */
    static final class MalformedInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        MalformedInput(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
