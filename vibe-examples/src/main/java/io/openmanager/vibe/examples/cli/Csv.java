package io.openmanager.vibe.examples.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Fields of the CSV files the commands write, per RFC 4180: a field holding a comma, a quote or a line break is quoted
 * with its quotes doubled. Text fields (ids, server and metric names) are also kept from being read as a formula by
 * a spreadsheet: one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading apostrophe, as OWASP advises, unless it is a number.
 */
final class Csv {
    private Csv() {
    }

    /** Writes a field as it is, quoted when it must be. */
    static void field(Writer out, String value) throws IOException {
        out.write(field(value));
    }

    /** Writes a text field: quoted when it must be, and never a formula. */
    static void text(Writer out, String value) throws IOException {
        out.write(text(value));
    }

    static String field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static String text(String value) {
        if (!value.isEmpty()) {
            char first = value.charAt(0);
            boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                    || first == '\r';
            if (formula && !Double.isFinite(SeriesCsv.number(value))) {
                return field("'" + value);
            }
        }
        return field(value);
    }
}
