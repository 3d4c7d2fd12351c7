package io.openmanager.vibe.sim.dsl;

import java.util.Objects;

/**
 * One thing wrong with a scenario file, located like a compiler locates it.
 *
 * <p>{@link #format()} renders it in three lines:
 *
 * <pre>
 * outage.scenarios:7:31: error: unknown metric 'cpu' — did you mean 'cpu_usage'?
 *   at 0s on db-primary-01 set cpu 95
 *                              ^~~
 * </pre>
 *
 * <p>Lines and columns are 1-based. A line ends at {@code \n}, {@code \r\n} or {@code \r}; columns count Unicode code
 * points, so a Hangul syllable is one column. A column one past the end of its line points at the end of the line
 * (something is missing there). The caret line is aligned for a terminal: tabs are kept, East Asian wide characters
 * take two cells. Very long lines are shown as a window around the column, marked with {@code …}; control characters
 * are shown as {@code U+FFFD}.
 *
 * @param source     the source name given to the parser, usually a file name
 * @param line       1-based line
 * @param column     1-based column in code points
 * @param severity   an error, or a warning that does not stop the scenarios from loading
 * @param message    what was expected and what was found, without position
 * @param hint       how to fix it ({@code did you mean 'cpu_usage'?}), or the empty string
 * @param sourceLine the text of the line, without its terminator
 * @param caretLine  a caret under the column, with {@code ~} under the rest of the offending text
 */
public record Problem(String source, int line, int column, Severity severity, String message, String hint,
                      String sourceLine, String caretLine) {

    /** How bad a problem is. */
    public enum Severity {
        /** The input is refused. */
        ERROR,
        /** The input loads, but probably does not do what its author meant. */
        WARNING;

        /** The lower-case name, as printed: {@code error}, {@code warning}. */
        public String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    /** Validates the fields: non-null text, line and column at least 1. */
    public Problem {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(message, "message must not be null");
        Objects.requireNonNull(hint, "hint must not be null (use \"\" for none)");
        Objects.requireNonNull(sourceLine, "sourceLine must not be null");
        Objects.requireNonNull(caretLine, "caretLine must not be null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** Whether this is an {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code source:line:column}. */
    public String location() {
        return source + ":" + line + ":" + column;
    }

    /** The first line of {@link #format()}: {@code source:line:column: error: message — hint}. */
    public String headline() {
        return location() + ": " + severity.label() + ": " + message + (hint.isEmpty() ? "" : " — " + hint);
    }

    /** The headline, the source line and the caret line, separated by {@code \n}, without a final newline. */
    public String format() {
        return headline() + "\n" + sourceLine + "\n" + caretLine;
    }

    /** The same as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }
}
