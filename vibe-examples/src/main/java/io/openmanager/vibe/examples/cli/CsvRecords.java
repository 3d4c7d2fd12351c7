package io.openmanager.vibe.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.util.List;

/**
 * Splits CSV text into records of fields, per RFC 4180 but lenient: quoted fields may hold commas, doubled quotes and
 * line breaks; LF, CRLF and CR end lines; a leading byte-order mark is skipped; a line of spaces is blank. A record
 * longer than a limit is skipped to the end of its line instead of filling the memory. Tracks line numbers and each
 * field's column for messages. Not thread-safe.
 */
final class CsvRecords {
    /** {@link #next} found a record. */
    static final int RECORD = 0;
    /** {@link #next} found a blank line. */
    static final int BLANK = 1;
    /** {@link #next} found the end of the text. */
    static final int END = 2;
    /** {@link #next} found a record longer than the limit, and skipped it. */
    static final int TOO_LONG = 3;
    /**
     * What a decoder puts for bytes that are not UTF-8: a lone high surrogate, which decoding UTF-8 never yields (it
     * is always followed by a low surrogate then). Reading it throws {@link MalformedInputException}.
     */
    static final char MALFORMED = '\uDBFF';

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean started;
    private long line;
    private long nextLine = 1;
    private final StringBuilder field = new StringBuilder();
    private int[] columns = new int[16];

    CsvRecords(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The line the last record started on, 1-based. */
    long line() {
        return line;
    }

    /** The 1-based column where field {@code index} of the last record starts. */
    int column(int index) {
        return columns[index];
    }

    /** The line being read (of the last record's end, for a record over several lines). */
    long currentLine() {
        return nextLine;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        char c = buffer[position++];
        if (c == MALFORMED) {
            boolean pair = (position < limit || fill()) && Character.isLowSurrogate(buffer[position]);
            if (!pair) {
                throw new MalformedInputException(1);
            }
        }
        return c;
    }

    /** Reads more text, keeping the last character read at the front so that {@link #unread()} still works. */
    private boolean fill() throws IOException {
        int keep = limit > 0 ? 1 : 0;
        if (keep == 1) {
            buffer[0] = buffer[limit - 1];
        }
        int n = in.read(buffer, keep, buffer.length - keep);
        position = keep;
        limit = keep + Math.max(n, 0);
        return n > 0;
    }

    private void unread() {
        position--;
    }

    /** Reads the next record into {@code fields} (cleared first); returns {@link #RECORD} or another status. */
    int next(List<String> fields) throws IOException {
        fields.clear();
        field.setLength(0);
        line = nextLine;
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return END;
        }
        int chars = 0;
        int column = 1;
        columns[0] = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        boolean blank = true;
        int fieldCount = 0;
        while (true) {
            if (c == -1 || !quoted && (c == '\n' || c == '\r')) {
                skipLineFeedAfter(c);
                if (c != -1) {
                    nextLine++;
                }
                if (blank && fieldCount == 0) {
                    return BLANK;
                }
                addField(fields);
                return RECORD;
            }
            if (++chars > maxChars) {
                skipLine(c);
                return TOO_LONG;
            }
            if (fieldStart) {
                fieldStart = false;
                if (c == '"') {
                    quoted = true;
                    blank = false;
                    c = read();
                    column++;
                    continue;
                }
            }
            if (quoted && c == '"') {
                int after = read();
                if (after == '"') {
                    field.append('"');
                    column += 2;
                } else {
                    quoted = false;
                    column++;
                    if (after != -1) {
                        unread();
                    }
                }
            } else if (!quoted && c == ',') {
                addField(fields);
                fieldCount++;
                column++;
                columns = ensure(columns, fieldCount);
                columns[fieldCount] = column;
                fieldStart = true;
                blank = false;
            } else {
                if (c == '\n' || c == '\r') {
                    // A line break inside quotes: part of the field, and a new line of the file.
                    skipLineFeedAfter(c);
                    nextLine++;
                    field.append('\n');
                    column = 1;
                } else {
                    field.append((char) c);
                    blank &= c == ' ' || c == '\t';
                    column++;
                }
            }
            c = read();
        }
    }

    private void addField(List<String> fields) {
        fields.add(field.toString());
        field.setLength(0);
    }

    private static int[] ensure(int[] array, int index) {
        return index < array.length ? array : java.util.Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
    }

    /** Skips to the end of the current physical line (quotes no longer count). */
    private void skipLine(int c) throws IOException {
        field.setLength(0);
        while (c != -1 && c != '\n' && c != '\r') {
            c = read();
        }
        skipLineFeedAfter(c);
        if (c != -1) {
            nextLine++;
        }
    }

    /** After a carriage return, a line feed belongs to the same line end (CRLF). */
    private void skipLineFeedAfter(int c) throws IOException {
        if (c == '\r') {
            int after = read();
            if (after != '\n' && after != -1) {
                unread();
            }
        }
    }
}
