package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.forecast.Method;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The series of {@code vibe forecast} and {@code vibe backtest} (and of any command that needs whole series in
 * memory): read by {@link SeriesCsv} from a file or the {@code *.csv} files of a directory, each series kept as
 * primitive arrays of its last {@code history} values, so memory is bounded whatever the file's size.
 */
final class SeriesFiles {
    /** The default of {@code --history}: values kept per series. */
    static final int DEFAULT_HISTORY = 100_000;
    /** The largest {@code --history}: 80 MB of values per series. */
    static final int MAX_HISTORY = 10_000_000;
    /** Timestamps kept per series to find its sampling interval (the median spacing). */
    private static final int STEP_SAMPLE = 10_000;

    /**
     * One series.
     *
     * @param id          the file's name without {@code .csv}, and {@code :server/metric} for a file of several series
     * @param values      the last values read, oldest first, NaN for a gap
     * @param step        the median spacing of the last timestamps, or null with fewer than two distinct ones
     * @param totalValues the values read, of which {@code values} holds the last
     * @param last        the timestamp of the last value, or null for a series without values
     */
    record Named(String id, double[] values, Duration step, long totalValues, Instant last) {
    }

    private SeriesFiles() {
    }

    /**
     * Reads the series of one file.
     *
     * @param file    the file
     * @param history how many values to keep per series
     * @param notes   receives what to say about the file (skipped rows, gaps, values left out), printable
     * @throws SeriesCsv.SeriesFileException if the file cannot be read as a whole
     */
    static List<Named> read(Path file, int history, Consumer<String> notes) throws IOException {
        String name = file.getFileName().toString();
        String fileId = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? name.substring(0, name.length() - 4) : name;
        List<Collector> collectors = new ArrayList<>();
        SeriesCsv csv = SeriesCsv.read(file, (series, millis, value, duplicate, timestampText, valueText) -> {
            while (collectors.size() <= series) {
                collectors.add(new Collector(history));
            }
            if (!duplicate) {
                collectors.get(series).add(millis, value);
            }
        });
        List<Named> result = new ArrayList<>();
        long leftOut = 0;
        for (int s = 0; s < collectors.size(); s++) {
            Collector c = collectors.get(s);
            String id = csv.layout() == SeriesCsv.Layout.VALUE ? fileId
                    : fileId + ":" + csv.server(s) + "/" + csv.metric(s);
            result.add(new Named(id, c.values(), c.step(), c.total, c.last()));
            leftOut += Math.max(0, c.total - history);
        }
        String about = csv.report().describe("filled between their neighbours (leading ones dropped, trailing ones"
                + " carry the last value)", "left out (the first of each kept)");
        if (leftOut > 0) {
            about = (about == null ? "" : about + "; ") + "only the last " + history + " values of each series are"
                    + " used (--history): " + leftOut + " earlier value(s) left out";
        }
        if (about != null) {
            notes.accept(TerminalText.printable(file.toString()) + ": " + about);
        }
        return result;
    }

    /** The last {@code history} values of a series in a ring that grows as needed, and the last timestamps. */
    private static final class Collector {
        private final int history;
        // Both start small and grow: a file of many short series (a large simulated fleet) must not cost 88 KB each.
        private double[] ring = new double[16];
        private long[] times = new long[16];
        long total;

        Collector(int history) {
            this.history = history;
        }

        void add(long millis, double value) {
            if (total < history && total == ring.length) {
                ring = Arrays.copyOf(ring, (int) Math.min(history, 2L * ring.length));
            }
            ring[(int) (total % Math.min(history, ring.length))] = value;
            if (total < STEP_SAMPLE && total == times.length) {
                times = Arrays.copyOf(times, Math.min(STEP_SAMPLE, 2 * times.length));
            }
            times[(int) (total % STEP_SAMPLE)] = millis;
            total++;
        }

        double[] values() {
            int n = (int) Math.min(total, history);
            double[] out = new double[n];
            long first = total - n;
            int capacity = Math.min(history, ring.length);
            for (int i = 0; i < n; i++) {
                out[i] = ring[(int) ((first + i) % capacity)];
            }
            return out;
        }

        Instant last() {
            return total == 0 ? null : Instant.ofEpochMilli(times[(int) ((total - 1) % STEP_SAMPLE)]);
        }

        Duration step() {
            int n = (int) Math.min(total, STEP_SAMPLE);
            if (n < 2) {
                return null;
            }
            long first = total - n;
            long[] gaps = new long[n - 1];
            for (int i = 1; i < n; i++) {
                gaps[i - 1] = times[(int) ((first + i) % STEP_SAMPLE)] - times[(int) ((first + i - 1) % STEP_SAMPLE)];
            }
            Arrays.sort(gaps);
            long median = gaps[gaps.length / 2];
            return median > 0 ? Duration.ofMillis(median) : null;
        }
    }

    /** Converts {@code --method} values with the names of {@link Method#cliName()}. */
    static final class MethodConverter implements ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            try {
                return Method.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(TerminalText.printable(e.getMessage()));
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
