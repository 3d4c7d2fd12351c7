package io.openmanager.vibe.analytics.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small comma-separated file with a header line: no quoting, fields trimmed, blank lines ignored. Every error names
 * the file and the 1-based line.
 */
final class CsvFile {
    private final Path path;
    private final String[] header;
    private final List<String[]> rows;
    private final int[] lines;

    private CsvFile(Path path, String[] header, List<String[]> rows, int[] lines) {
        this.path = path;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    static CsvFile read(Path path, String expectedHeader) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        String[] header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = split(line);
                if (header == null) {
                    header = fields;
                    continue;
                }
                if (fields.length != header.length) {
                    throw new MalformedDataException(path, lineNumber, "expected " + header.length + " fields ("
                            + String.join(",", header) + "), found " + fields.length + ": '" + line + "'");
                }
                rows.add(fields);
                lineNumbers.add(lineNumber);
            }
        }
        if (header == null) {
            throw new MalformedDataException(path, 1, "empty file: expected a header line '" + expectedHeader + "'");
        }
        int[] lines = new int[lineNumbers.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lineNumbers.get(i);
        }
        return new CsvFile(path, header, rows, lines);
    }

    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].trim();
        }
        return fields;
    }

    Path path() {
        return path;
    }

    int size() {
        return rows.size();
    }

    int line(int row) {
        return lines[row];
    }

    /** The index of a column in the header, or -1. */
    int optionalColumn(String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int requiredColumn(String name) throws MalformedDataException {
        int column = optionalColumn(name);
        if (column < 0) {
            throw new MalformedDataException(path, 1, "no column '" + name + "' in header '"
                    + String.join(",", header) + "'");
        }
        return column;
    }

    String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** A finite decimal number; NaN and infinities are refused. */
    double number(int row, int column) throws MalformedDataException {
        String text = cell(row, column);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(row, "'" + text + "' is not a number (column " + header[column] + ")", e);
        }
        if (!Double.isFinite(value)) {
            throw error(row, "'" + text + "' is not a finite number (column " + header[column] + ")", null);
        }
        return value;
    }

    /**
     * A finite decimal number, or NaN for a missing value: an empty cell or one of {@code NaN}, {@code null},
     * {@code NA} (any case). Infinities and other text are refused.
     */
    double numberOrGap(int row, int column) throws MalformedDataException {
        String text = cell(row, column);
        return isGap(text) ? Double.NaN : number(row, column);
    }

    /** Whether a cell's text marks a missing value: empty, {@code NaN}, {@code null} or {@code NA}, in any case. */
    static boolean isGap(String text) {
        return text.isEmpty() || text.equalsIgnoreCase("NaN") || text.equalsIgnoreCase("null")
                || text.equalsIgnoreCase("NA");
    }

    long epochMillis(int row, int column) throws MalformedDataException {
        String text = cell(row, column);
        try {
            return Timestamps.parseEpochMillis(text);
        } catch (DateTimeParseException e) {
            throw error(row, Timestamps.describe(text) + (e.getMessage().startsWith("timestamps finer")
                    ? ": " + e.getMessage() : ""), e);
        }
    }

    MalformedDataException error(int row, String reason, Throwable cause) {
        return new MalformedDataException(path, lines[row], reason, cause);
    }
}
