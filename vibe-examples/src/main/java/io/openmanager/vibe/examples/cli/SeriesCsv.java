package io.openmanager.vibe.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one reader of time-series CSV files of the {@code vibe} commands ({@code detect}, {@code forecast},
 * {@code backtest}, {@code nab-score}, {@code realism}): it streams a file row by row, so memory holds what the
 * command keeps (the series as primitive arrays, or nothing), never the file's text. Accepted, the same for every
 * command (see docs/cli.md):
 * <ul>
 *   <li>layouts, told apart by the header (names in any case): {@link Layout#VALUE} {@code timestamp,value} (NAB's;
 *       other columns ignored), {@link Layout#LONG} {@code timestamp,server,metric,value}, and {@link Layout#WIDE}
 *       {@code timestamp,server,...,<metric>,...} as {@code vibe simulate --format csv} writes it (every column but
 *       timestamp, server, environment, role and status is a metric); {@code host}, {@code hostname} and
 *       {@code serverId} name the server column too;</li>
 *   <li>timestamps {@code yyyy-MM-dd HH:mm:ss} or ISO-8601 ({@code 2026-01-05T00:00:00Z}, with an offset, or none:
 *       UTC), with up to millisecond fractions, or epoch milliseconds;</li>
 *   <li>UTF-8 with or without a byte-order mark, RFC 4180 quoting, CRLF or LF line ends, blank lines (ignored).</li>
 * </ul>
 * Row policy: a value that is empty, {@code NaN}, {@code null} or {@code NA} (any case) is a <b>gap</b>, handed over
 * as NaN and counted; a timestamp equal to the series' previous one is a <b>duplicate</b>, handed over flagged and
 * counted. A row with the wrong number of fields, a timestamp not understood or earlier than the series' previous
 * one, or a value that is not a finite number is <b>skipped</b> and counted by reason with the first line and column
 * (see {@link FileReport}). A file whose header is not understood, that is not UTF-8, or that cannot be read fails as
 * a whole with {@link SeriesFileException} ({@code file:line:column: what}). Every quoted text is made printable.
 */
final class SeriesCsv {
    /** The longest line (or quoted record) read: longer ones are skipped as a row, or fail the header. */
    static final int MAX_LINE_CHARS = 1 << 20;
    private static final Set<String> SERVER_NAMES = Set.of("server", "host", "hostname", "serverid");
    private static final Set<String> WIDE_FIXED = Set.of("timestamp", "environment", "role", "status");

    /** How a file lays out its series. */
    enum Layout {
        /** {@code timestamp,value}: one series. */
        VALUE,
        /** {@code timestamp,server,metric,value}: one series per server and metric. */
        LONG,
        /** {@code timestamp,server,...,<metric>...}: one series per server and metric column. */
        WIDE
    }

    /** Why rows are skipped. */
    enum Skip {
        WRONG_FIELDS("with the wrong number of fields"),
        BAD_TIMESTAMP("with a timestamp not understood"),
        OUT_OF_ORDER("out of order (earlier than the row before)"),
        BAD_VALUE("with a value that is not a finite number"),
        TOO_LONG("longer than " + MAX_LINE_CHARS + " characters");

        final String description;

        Skip(String description) {
            this.description = description;
        }
    }

    /** Receives the rows of a file as they are read. */
    interface Rows {
        /** Called once the header is read, before the first row: the layout and series names can be asked. */
        default void begin(SeriesCsv csv) throws IOException {
        }

        /**
         * One value of one series.
         *
         * @param series        index of the series ({@link #server(int)}, {@link #metric(int)})
         * @param epochMillis   the row's timestamp
         * @param value         the value, NaN for a gap
         * @param duplicate     whether the timestamp equals the series' previous one
         * @param timestampText the timestamp field as written (unquoted)
         * @param valueText     the value field as written (unquoted)
         */
        void row(int series, long epochMillis, double value, boolean duplicate, String timestampText,
                 String valueText) throws IOException;
    }

    /** A file that cannot be read as a whole; the message is {@code file:line:column: what}. */
    static final class SeriesFileException extends DescribedIOException {
        private static final long serialVersionUID = 1L;

        SeriesFileException(Path file, long line, int column, String what) {
            super(TerminalText.printable(file.toString()) + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "")
                    : "") + ": " + what);
        }
    }

    /** What reading one file found: rows kept, gaps, duplicates, and skipped rows by reason with the first of each. */
    static final class FileReport {
        final Path file;
        long rows;
        long gaps;
        long duplicates;
        final long[] skipped = new long[Skip.values().length];
        final String[] firstSkipped = new String[Skip.values().length];
        long firstDuplicateLine;
        /** What the counts count: rows, or values for a wide file (one row holds a value of each metric). */
        String unit = "rows";

        FileReport(Path file) {
            this.file = file;
        }

        long skippedTotal() {
            return Arrays.stream(skipped).sum();
        }

        /** Whether every row was kept and none had a gap or a duplicate timestamp. */
        boolean clean() {
            return skippedTotal() == 0 && gaps == 0 && duplicates == 0;
        }

        /**
         * One line about the file for standard error, or null when it is clean, for example {@code 3 rows skipped: 2
         * out of order (earlier than the row before; first at line 17: ...), 1 with a value that is not a finite
         * number (first at line 40, column 21: 'abc'); 5 gaps}. {@code gapsAre} says what the command did with gaps.
         */
        String describe(String gapsAre, String duplicatesAre) {
            if (clean()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            long total = skippedTotal();
            if (total > 0) {
                List<String> reasons = new ArrayList<>();
                for (Skip skip : Skip.values()) {
                    if (skipped[skip.ordinal()] > 0) {
                        reasons.add(skipped[skip.ordinal()] + " " + skip.description + " (first at "
                                + firstSkipped[skip.ordinal()] + ")");
                    }
                }
                String newestFirst = skipped[Skip.OUT_OF_ORDER.ordinal()] * 2 > rows + total
                        ? "; the file seems sorted newest first" : "";
                parts.add(total + " of " + (rows + total) + " " + unit + " skipped: " + String.join(", ", reasons)
                        + newestFirst);
            }
            if (gaps > 0) {
                parts.add(gaps + " gap" + (gaps == 1 ? "" : "s") + " (empty, NaN, null or NA values) " + gapsAre);
            }
            if (duplicates > 0) {
                parts.add(duplicates + " duplicate timestamp" + (duplicates == 1 ? "" : "s") + " (first at line "
                        + firstDuplicateLine + ") " + duplicatesAre);
            }
            return String.join("; ", parts);
        }
    }

    private final Path file;
    private final String valueName;
    private final FileReport report;
    private Layout layout;
    private int timeColumn;
    private int serverColumn = -1;
    private int metricColumn = -1;
    private int valueColumn = -1;
    private int fieldCount;
    private String[] wideMetrics;
    private int[] wideColumns;
    private final List<String> servers = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private final Map<String, Integer> seriesIndex = new HashMap<>();
    private final Map<String, Integer> wideServerBase = new HashMap<>();
    private long[] lastMillis = new long[16];

    private SeriesCsv(Path file, String valueName) {
        this.file = file;
        this.valueName = valueName;
        this.report = new FileReport(file);
    }

    /** Reads a file whose values are in the column {@code value} (or laid out long or wide). */
    static SeriesCsv read(Path file, Rows rows) throws IOException {
        return read(file, "value", rows);
    }

    /**
     * Reads a file of the {@link Layout#VALUE} layout whose values are in the column {@code valueName}, for example
     * {@code anomaly_score} in what {@code vibe detect} writes; with {@code "value"} the long and wide layouts are
     * accepted too.
     */
    static SeriesCsv read(Path file, String valueName, Rows rows) throws IOException {
        SeriesCsv csv = new SeriesCsv(file, valueName);
        InputStream opened;
        try {
            opened = Files.newInputStream(file);
        } catch (IOException e) {
            throw new SeriesFileException(file, 0, 0, "cannot be read: " + OutputFiles.reason(e));
        }
        try (InputStream in = opened) {
            // Malformed bytes become a lone surrogate, which UTF-8 never decodes to, so that CsvRecords can report the
            // line they are on (a decoder that reports them fails a whole buffer ahead of the reader).
            csv.parse(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(CsvRecords.MALFORMED))), rows);
        }
        return csv;
    }

    /** Reads text already in memory (for tests and fuzzing); {@code file} names it in messages. */
    static SeriesCsv read(Path file, Reader text, Rows rows) throws IOException {
        SeriesCsv csv = new SeriesCsv(file, "value");
        csv.parse(text, rows);
        return csv;
    }

    Layout layout() {
        return layout;
    }

    FileReport report() {
        return report;
    }

    /** The number of series found. */
    int seriesCount() {
        return servers.size();
    }

    /** The server of a series; empty in the {@link Layout#VALUE} layout. */
    String server(int series) {
        return servers.get(series);
    }

    /** The metric of a series; the value column's name in the {@link Layout#VALUE} layout. */
    String metric(int series) {
        return metrics.get(series);
    }

    private void parse(Reader text, Rows rows) throws IOException {
        CsvRecords records = new CsvRecords(text, MAX_LINE_CHARS);
        List<String> fields = new ArrayList<>();
        try {
            int status;
            while ((status = records.next(fields)) == CsvRecords.BLANK) {
                // Blank lines before the header.
            }
            if (status == CsvRecords.END) {
                throw new SeriesFileException(file, 1, 0, "the file is empty: expected a header such as"
                        + " 'timestamp,value'");
            }
            if (status == CsvRecords.TOO_LONG) {
                throw new SeriesFileException(file, records.line(), 0, "the header line is longer than "
                        + MAX_LINE_CHARS + " characters");
            }
            header(fields, records.line());
            rows.begin(this);
            while ((status = records.next(fields)) != CsvRecords.END) {
                if (status == CsvRecords.BLANK) {
                    continue;
                }
                if (status == CsvRecords.TOO_LONG) {
                    skip(Skip.TOO_LONG, records.line(), 0, valuesPerRow(), null);
                } else {
                    row(fields, records, rows);
                }
            }
        } catch (CharacterCodingException e) {
            throw new SeriesFileException(file, records.currentLine(), 0, "is not UTF-8 text (a byte sequence that"
                    + " UTF-8 does not allow); save it as UTF-8");
        }
    }

    private void header(List<String> fields, long line) throws SeriesFileException {
        String[] names = new String[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).strip().toLowerCase(Locale.ROOT);
        }
        fieldCount = names.length;
        timeColumn = indexOf(names, Set.of("timestamp"));
        int server = indexOf(names, SERVER_NAMES);
        int metric = indexOf(names, Set.of("metric"));
        int value = indexOf(names, Set.of(valueName.toLowerCase(Locale.ROOT)));
        String expected = "expected 'timestamp," + valueName + "'" + ("value".equals(valueName)
                ? ", 'timestamp,server,metric,value' or the CSV of 'vibe simulate --format csv'" : "");
        if (timeColumn < 0) {
            throw new SeriesFileException(file, line, 0, "the header has no 'timestamp' column: "
                    + TerminalText.quoted(String.join(",", fields)) + " (" + expected + ")");
        }
        if (value >= 0 && (server < 0 || !"value".equals(valueName))) {
            layout = Layout.VALUE;
            valueColumn = value;
            return;
        }
        if (!"value".equals(valueName) || server < 0) {
            throw new SeriesFileException(file, line, 0, "the header names no series: "
                    + TerminalText.quoted(String.join(",", fields)) + " (" + expected + ")");
        }
        serverColumn = server;
        if (value >= 0) {
            // timestamp,server,metric,value; without a metric column the series are named after 'value'.
            layout = Layout.LONG;
            metricColumn = metric;
            valueColumn = value;
            return;
        }
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (i != server && !WIDE_FIXED.contains(names[i])) {
                columns.add(i);
            }
        }
        if (columns.isEmpty() || metric >= 0) {
            throw new SeriesFileException(file, line, 0, "the header names no metric columns: "
                    + TerminalText.quoted(String.join(",", fields)) + " (" + expected + ")");
        }
        layout = Layout.WIDE;
        report.unit = "values";
        wideColumns = columns.stream().mapToInt(Integer::intValue).toArray();
        wideMetrics = new String[wideColumns.length];
        for (int m = 0; m < wideColumns.length; m++) {
            wideMetrics[m] = fields.get(wideColumns[m]).strip();
        }
    }

    private static int indexOf(String[] names, Set<String> wanted) {
        for (int i = 0; i < names.length; i++) {
            if (wanted.contains(names[i])) {
                return i;
            }
        }
        return -1;
    }

    private void row(List<String> fields, CsvRecords records, Rows rows) throws IOException {
        long line = records.line();
        if (fields.size() != fieldCount) {
            skip(Skip.WRONG_FIELDS, line, 0, valuesPerRow(), "expected " + fieldCount + ", found " + fields.size());
            return;
        }
        String timestampText = fields.get(timeColumn);
        long millis = CsvTimestamps.epochMillis(timestampText.strip());
        if (millis == CsvTimestamps.INVALID) {
            skip(Skip.BAD_TIMESTAMP, line, records.column(timeColumn), valuesPerRow(),
                    TerminalText.quoted(timestampText));
            return;
        }
        if (layout == Layout.WIDE) {
            int base = wideBase(fields.get(serverColumn).strip());
            for (int m = 0; m < wideColumns.length; m++) {
                value(base + m, millis, fields.get(wideColumns[m]), timestampText, line,
                        records.column(wideColumns[m]), rows);
            }
            return;
        }
        int series = layout == Layout.VALUE ? series("", valueName) : series(fields.get(serverColumn).strip(),
                metricColumn < 0 ? "value" : fields.get(metricColumn).strip());
        value(series, millis, fields.get(valueColumn), timestampText, line, records.column(valueColumn), rows);
    }

    private void value(int series, long millis, String valueText, String timestampText, long line, int column,
                       Rows rows) throws IOException {
        String text = valueText.strip();
        double value;
        if (isGap(text)) {
            value = Double.NaN;
        } else {
            value = number(text);
            if (!Double.isFinite(value)) {
                skip(Skip.BAD_VALUE, line, column, 1, TerminalText.quoted(valueText));
                return;
            }
        }
        long last = lastMillis[series];
        if (last != Long.MIN_VALUE && millis < last) {
            skip(Skip.OUT_OF_ORDER, line, 0, 1, TerminalText.quoted(timestampText.strip()) + " after "
                    + java.time.Instant.ofEpochMilli(last));
            return;
        }
        boolean duplicate = millis == last;
        if (duplicate && report.duplicates++ == 0) {
            report.firstDuplicateLine = line;
        }
        lastMillis[series] = millis;
        report.rows++;
        if (Double.isNaN(value)) {
            report.gaps++;
        }
        rows.row(series, millis, value, duplicate, timestampText, valueText);
    }

    /** Empty, NaN, null or NA in any case: a missing value. */
    static boolean isGap(String text) {
        return text.isEmpty() || text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("null")
                || text.equalsIgnoreCase("na");
    }

    /** A decimal number (digits, sign, point, exponent), or NaN; Java's suffixes, hex and "Infinity" are refused. */
    static double number(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return Double.NaN;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private int series(String server, String metric) {
        String key = server + '\u0000' + metric;
        Integer index = seriesIndex.get(key);
        if (index == null) {
            index = newSeries(server, metric);
            seriesIndex.put(key, index);
        }
        return index;
    }

    private int wideBase(String server) {
        Integer base = wideServerBase.get(server);
        if (base == null) {
            base = servers.size();
            for (String metric : wideMetrics) {
                newSeries(server, metric);
            }
            wideServerBase.put(server, base);
        }
        return base;
    }

    private int newSeries(String server, String metric) {
        int index = servers.size();
        servers.add(server);
        metrics.add(metric);
        if (index == lastMillis.length) {
            lastMillis = Arrays.copyOf(lastMillis, index * 2);
        }
        lastMillis[index] = Long.MIN_VALUE;
        return index;
    }

    /** The values a whole skipped row held: one, or one per metric column of a wide file. */
    private int valuesPerRow() {
        return layout == Layout.WIDE ? wideColumns.length : 1;
    }

    private void skip(Skip reason, long line, int column, int values, String detail) {
        long before = report.skipped[reason.ordinal()];
        report.skipped[reason.ordinal()] += values;
        if (before == 0) {
            report.firstSkipped[reason.ordinal()] = "line " + line + (column > 0 ? ", column " + column : "")
                    + (detail == null ? "" : ": " + detail);
        }
    }
}
