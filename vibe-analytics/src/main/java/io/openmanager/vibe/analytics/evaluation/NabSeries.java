package io.openmanager.vibe.analytics.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One data file of a NAB corpus: its timestamped rows and its labelled anomaly windows, with the row ranges NAB's
 * scoring works on.
 *
 * <p>Rows never go back in time; a timestamp may repeat (NAB's {@code ec2_disk_write_bytes_1ef3de.csv} repeats
 * {@code 2014-03-09 03:00:00} twelve times where a clock change folded an hour). A window runs from the first row at
 * or after its start to the first row at its end, NAB's rule (NAB's window edges are row timestamps), or, when no
 * row is at its end, to the last row before it. Windows must not overlap and must each cover at least one row. The first {@link #probationRows()} rows, {@code min(floor(0.15 n), 750)}, are NAB's
 * probationary period and are never scored.
 *
 * <p>Missing values are data: a row whose value is missing (NaN; in a file an empty cell, {@code NaN}, {@code null}
 * or {@code NA}) is kept, with its timestamp, and counted ({@link #gapCount()}). Detectors score such a row 0
 * ({@link io.openmanager.vibe.analytics.detect.AbstractAnomalyDetector}), and it is scored like any other row.
 *
 * <p>Instances are immutable.
 */
public final class NabSeries {
    private final String name;
    private final long[] epochMillis;
    private final double[] values;
    private final List<AnomalyWindow> windows;
    private final int[] firstRow;
    private final int[] lastRow;
    private final int probationRows;
    private final int gapCount;
    /** Per row: {@code w >= 0} inside window w; -1 before any window; {@code -(w + 2)} after window w. */
    private final int[] rowWindow;

    private NabSeries(String name, long[] epochMillis, double[] values, List<AnomalyWindow> windows) {
        this.name = name;
        this.epochMillis = epochMillis;
        this.values = values;
        this.windows = windows;
        this.firstRow = new int[windows.size()];
        this.lastRow = new int[windows.size()];
        this.probationRows = NabMath.probationRows(epochMillis.length);
        int gaps = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                gaps++;
            }
        }
        this.gapCount = gaps;
        for (int w = 0; w < windows.size(); w++) {
            AnomalyWindow window = windows.get(w);
            firstRow[w] = firstRowAtOrAfter(window.start().toEpochMilli());
            long end = window.end().toEpochMilli();
            int atOrAfterEnd = firstRowAtOrAfter(end);
            lastRow[w] = atOrAfterEnd < epochMillis.length && epochMillis[atOrAfterEnd] == end
                    ? atOrAfterEnd : atOrAfterEnd - 1;
            if (firstRow[w] > lastRow[w]) {
                throw new IllegalArgumentException("window [" + window.start() + ", " + window.end() + "] of '"
                        + name + "' covers no row (rows run from " + timestamp(0) + " to "
                        + timestamp(epochMillis.length - 1) + ")");
            }
        }
        this.rowWindow = new int[epochMillis.length];
        int state = -1;
        int next = 0;
        for (int i = 0; i < rowWindow.length; i++) {
            if (next < firstRow.length && i == firstRow[next]) {
                state = next++;
            }
            rowWindow[i] = state;
            if (state >= 0 && i == lastRow[state]) {
                state = -(state + 2);
            }
        }
    }

    /**
     * Creates a series from rows and windows. The arrays are copied; the windows may come in any order.
     *
     * @param name        the file's name in the corpus, NAB style: {@code "<category>/<file>.csv"}
     * @param epochMillis the row timestamps in epoch milliseconds, never decreasing, at least one
     * @param values      the row values, one per timestamp (carried along; scoring does not use them); NaN for a
     *                    missing value
     * @param windows     the labelled windows; each must cover a row and none may overlap another
     * @throws IllegalArgumentException naming the series and the offending row or window
     */
    public static NabSeries of(String name, long[] epochMillis, double[] values, List<AnomalyWindow> windows) {
        checkName(name);
        Objects.requireNonNull(epochMillis, "epochMillis must not be null");
        Objects.requireNonNull(values, "values must not be null");
        Objects.requireNonNull(windows, "windows must not be null");
        if (epochMillis.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no rows");
        }
        if (values.length != epochMillis.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + epochMillis.length
                    + " timestamps but " + values.length + " values");
        }
        for (int i = 1; i < epochMillis.length; i++) {
            if (epochMillis[i] < epochMillis[i - 1]) {
                throw new IllegalArgumentException("timestamps of series '" + name + "' must not decrease: row " + i
                        + " at " + Instant.ofEpochMilli(epochMillis[i]) + " follows "
                        + Instant.ofEpochMilli(epochMillis[i - 1]));
            }
        }
        return new NabSeries(name, epochMillis.clone(), values.clone(), sortedWindows(name, windows));
    }

    /** The same rows and windows under another name (for {@link NabCorpus#merge}). */
    NabSeries renamed(String newName) {
        checkName(newName);
        return new NabSeries(newName, epochMillis, values, windows);
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("series name must not be blank: '" + name + "'");
        }
    }

    private static List<AnomalyWindow> sortedWindows(String name, List<AnomalyWindow> windows) {
        List<AnomalyWindow> sorted = new ArrayList<>(windows);
        for (AnomalyWindow window : sorted) {
            Objects.requireNonNull(window, "windows of '" + name + "' must not contain null");
        }
        sorted.sort(Comparator.comparing(AnomalyWindow::start));
        for (int w = 1; w < sorted.size(); w++) {
            if (!sorted.get(w).start().isAfter(sorted.get(w - 1).end())) {
                throw new IllegalArgumentException("windows of '" + name + "' overlap: " + sorted.get(w - 1)
                        + " and " + sorted.get(w));
            }
        }
        return List.copyOf(sorted);
    }

    /**
     * Reads a {@code timestamp,value} CSV file (other columns are ignored) with a header line. Timestamps are
     * {@code yyyy-MM-dd HH:mm:ss} in UTC, or ISO-8601 instants such as {@code 2014-04-10T07:15:00Z}. A value that is
     * empty, {@code NaN}, {@code null} or {@code NA} (any case) is a gap: the row is kept with the value NaN and
     * counted by {@link #gapCount()}.
     *
     * @param name    the file's name in the corpus
     * @param csv     the file to read
     * @param windows the file's labelled windows
     * @throws MalformedDataException on the first malformed line (file and line named: a timestamp that does not
     *                                parse or goes back, a value that is neither a finite number nor a gap) or
     *                                invalid windows; the whole file is refused, no line is skipped
     * @throws IOException            if the file cannot be read
     */
    public static NabSeries read(String name, Path csv, List<AnomalyWindow> windows) throws IOException {
        checkName(name);
        Objects.requireNonNull(windows, "windows must not be null");
        CsvFile file = CsvFile.read(csv, "timestamp,value");
        int timeColumn = file.requiredColumn("timestamp");
        int valueColumn = file.requiredColumn("value");
        if (file.size() == 0) {
            throw new MalformedDataException(csv, 0, "no data rows after the header");
        }
        long[] times = new long[file.size()];
        double[] vals = new double[file.size()];
        for (int row = 0; row < times.length; row++) {
            times[row] = file.epochMillis(row, timeColumn);
            if (row > 0 && times[row] < times[row - 1]) {
                throw file.error(row, "timestamp " + file.cell(row, timeColumn)
                        + " comes before the previous row's " + file.cell(row - 1, timeColumn), null);
            }
            vals[row] = file.numberOrGap(row, valueColumn);
        }
        try {
            return new NabSeries(name, times, vals, sortedWindows(name, windows));
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException(csv, 0, e.getMessage(), e);
        }
    }

    private int firstRowAtOrAfter(long millis) {
        int lo = 0;
        int hi = epochMillis.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (epochMillis[mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The file's name in the corpus, e.g. {@code realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv}. */
    public String name() {
        return name;
    }

    /** The number of rows. */
    public int size() {
        return epochMillis.length;
    }

    /** The timestamp of a row. */
    public Instant timestamp(int row) {
        return Instant.ofEpochMilli(epochMillis[row]);
    }

    /** The timestamp of a row in epoch milliseconds. */
    public long epochMillis(int row) {
        return epochMillis[row];
    }

    /** The value of a row; NaN where the value is missing. */
    public double value(int row) {
        return values[row];
    }

    /** The number of rows whose value is missing (NaN). */
    public int gapCount() {
        return gapCount;
    }

    /** The labelled windows, in time order. */
    public List<AnomalyWindow> windows() {
        return windows;
    }

    /** The first row inside window {@code w} (index into {@link #windows()}). */
    public int windowFirstRow(int w) {
        return firstRow[w];
    }

    /** The last row inside window {@code w} (index into {@link #windows()}). */
    public int windowLastRow(int w) {
        return lastRow[w];
    }

    /** The number of leading rows that are never scored: {@code min(floor(0.15 * size()), 750)}. */
    public int probationRows() {
        return probationRows;
    }

    /**
     * Whether window {@code w} is scored: it has a row after probation. NAB's labelled data has no window inside
     * probation, so there every window is scored.
     */
    public boolean isScored(int w) {
        return lastRow[w] >= probationRows;
    }

    /** The number of scored windows. */
    public int scoredWindowCount() {
        int count = 0;
        for (int w = 0; w < lastRow.length; w++) {
            if (isScored(w)) {
                count++;
            }
        }
        return count;
    }

    /** Inside window w: w; before any window: -1; after window w: {@code -(w + 2)}. */
    int rowWindow(int row) {
        return rowWindow[row];
    }

    /**
     * NAB's sweep score of a row if it were a detection: the weighted true-positive score inside a window, the
     * weighted false-positive score outside.
     */
    double sweepScore(int row, CostProfile profile) {
        int state = rowWindow[row];
        if (state >= 0) {
            double width = lastRow[state] - firstRow[state] + 1;
            double position = -(lastRow[state] - row + 1) / width;
            return NabMath.scaledSigmoid(position) * profile.tpWeight() / NabMath.MAX_TP;
        }
        if (state == -1) {
            return NabMath.scaledSigmoid(3.0) * profile.fpWeight();
        }
        int previous = -state - 2;
        double width = lastRow[previous] - firstRow[previous] + 1;
        // A one-row window gives 1 / 0 = +infinity here: the farthest position, NAB's -1, not an error.
        double position = Math.abs(lastRow[previous] - row) / (width - 1);
        return NabMath.scaledSigmoid(position) * profile.fpWeight();
    }

    @Override
    public String toString() {
        return "NabSeries[" + name + ", " + size() + " rows" + (gapCount > 0 ? " (" + gapCount + " missing)" : "")
                + ", " + windows.size() + " windows]";
    }
}
