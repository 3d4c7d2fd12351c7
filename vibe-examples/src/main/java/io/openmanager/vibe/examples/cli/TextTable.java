package io.openmanager.vibe.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header line and rows, each column as wide as its widest cell, separated by two spaces.
 *
 * <p>Widths count {@code char}s, which is right for the ASCII of hostnames and enum names; wide (CJK) characters in a
 * label value would shift the columns after it.
 */
final class TextTable {
    private static final String GAP = "  ";

    private final int columns;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with the given column headers. */
    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /** Adds a row; there must be one cell per column. */
    TextTable addRow(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row needs " + columns + " cells: got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = String.valueOf(cells[i]);
        }
        rows.add(row);
        return this;
    }

    /** Prints the header and the rows, one line each, without trailing spaces. */
    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length())).append(GAP);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
