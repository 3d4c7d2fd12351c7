package io.openmanager.vibe.realism;

import java.nio.file.Path;

/** A trace file that cannot be read: names the file, the line, the column and the offending value. */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int column;

    /**
     * @param file   the file
     * @param line   1-based line, or 0 for the whole file
     * @param column 1-based column (field), or 0 for the whole line
     * @param detail what is wrong, with the value
     */
    public TraceFormatException(Path file, long line, int column, String detail) {
        super(file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0. */
    public long line() {
        return line;
    }

    /** The 1-based column, or 0. */
    public int column() {
        return column;
    }
}
