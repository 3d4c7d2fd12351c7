package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.evaluation.NabSeries;
import io.openmanager.vibe.analytics.forecast.Method;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input of {@code vibe forecast} and {@code vibe backtest}: a {@code timestamp,value} CSV file or a directory of
 * {@code *.csv} files (not recursive), each one series named after its file without {@code .csv}.
 */
final class SeriesFiles {
    /**
     * One series: name, values oldest first, the sampling interval (median spacing of the timestamps; null for fewer
     * than two values) and the timestamp of the last value.
     */
    record Named(String id, double[] values, Duration step, Instant last) {
    }

    private SeriesFiles() {
    }

    /** Reads the series, sorted by file name; a malformed file fails with its name and line. */
    static List<Named> read(Path input) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> list = Files.list(input)) {
                list.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                        .sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new IOException("no *.csv file in " + input);
            }
        } else if (Files.isRegularFile(input)) {
            files.add(input);
        } else {
            throw new IOException("no such file or directory: " + input);
        }
        List<Named> series = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String id = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
            NabSeries s = NabSeries.read(id, file, List.of());
            double[] values = new double[s.size()];
            long[] gaps = new long[Math.max(0, s.size() - 1)];
            for (int i = 0; i < values.length; i++) {
                values[i] = s.value(i);
                if (i > 0) {
                    gaps[i - 1] = s.epochMillis(i) - s.epochMillis(i - 1);
                }
            }
            Arrays.sort(gaps);
            Duration step = gaps.length == 0 || gaps[gaps.length / 2] <= 0 ? null
                    : Duration.ofMillis(gaps[gaps.length / 2]);
            series.add(new Named(id, values, step, values.length == 0 ? null
                    : Instant.ofEpochMilli(s.epochMillis(values.length - 1))));
        }
        return series;
    }

    /** Converts {@code --method} values with the names of {@link Method#cliName()}. */
    static final class MethodConverter implements ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            try {
                return Method.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The method names shown in help as {@code ${COMPLETION-CANDIDATES}}. */
    static final class MethodNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (Method m : Method.values()) {
                names.add(m.cliName());
            }
            return names.iterator();
        }
    }
}
