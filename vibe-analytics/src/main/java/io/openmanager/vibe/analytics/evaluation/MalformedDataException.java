package io.openmanager.vibe.analytics.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Input that cannot be read as an evaluation corpus, a detector's output or a profile file. The message names the
 * file, the line (when the fault is on one line) and what is wrong, for example
 * {@code data/realAWSCloudwatch/x.csv:17: 'abc' is not a number (column value)}.
 *
 * <p>The loaders of this package refuse a whole file on its first malformed line rather than skipping the line: NAB
 * scores rows by their index, so a skipped row would shift every later row against its labels and scores.
 */
public class MalformedDataException extends IOException {
    private final transient Path file;
    private final long line;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file   the file at fault
     * @param line   the 1-based line at fault, or 0 when the fault is not on one line
     * @param reason what is wrong, without the file name
     */
    public MalformedDataException(Path file, long line, String reason) {
        this(file, line, reason, null);
    }

    /**
     * Creates the exception with the low-level cause (a number or date parsing error, a JSON error).
     *
     * @param file   the file at fault
     * @param line   the 1-based line at fault, or 0 when the fault is not on one line
     * @param reason what is wrong, without the file name
     * @param cause  the low-level cause, or null
     */
    public MalformedDataException(Path file, long line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the fault is not on one line. */
    public long line() {
        return line;
    }

    /** What is wrong, without the file name and line. */
    public String reason() {
        return reason;
    }
}
