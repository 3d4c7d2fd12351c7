package io.openmanager.vibe.sim.dsl;

import java.util.Arrays;

/**
 * One input text and its line table: turns character offsets into 1-based lines and columns, and renders the source
 * line and caret line of a {@link Problem}.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}. Columns count Unicode code points from the start of
 * the line, so a Hangul syllable or an emoji is one column, as an editor shows it.
 */
final class SourceText {
    /** Longer lines are shown as a window around the column, so that a 1 MiB line does not flood a terminal. */
    private static final int MAX_SHOWN = 160;
    private static final int SHOWN_BEFORE = 60;

    final String name;
    final String text;
    /** Position of this source among those checked together, for ordering problems. */
    final int order;
    private final int[] lineStarts;
    private final int lineCount;

    SourceText(String name, String text, int order) {
        this.name = name;
        this.text = text;
        this.order = order;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = starts;
        this.lineCount = count;
    }

    int length() {
        return text.length();
    }

    int lineCount() {
        return lineCount;
    }

    /** The 0-based line holding a character offset (offsets past the end belong to the last line). */
    int lineIndex(int offset) {
        int found = Arrays.binarySearch(lineStarts, 0, lineCount, Math.min(Math.max(offset, 0), text.length()));
        return found >= 0 ? found : -found - 2;
    }

    int lineStart(int lineIndex) {
        return lineStarts[lineIndex];
    }

    /** Where a line's text ends, before its terminator. */
    int lineEnd(int lineIndex) {
        int end = lineIndex + 1 < lineCount ? lineStarts[lineIndex + 1] : text.length();
        while (end > lineStarts[lineIndex] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The 1-based line of an offset. */
    int line(int offset) {
        return lineIndex(clamp(offset)) + 1;
    }

    /** 1-based line and column of an offset, as {@code "line:column"}. */
    String position(int offset) {
        int clamped = clamp(offset);
        int line = lineIndex(clamped);
        return (line + 1) + ":" + column(line, clamped);
    }

    private int column(int lineIndex, int offset) {
        int start = lineStarts[lineIndex];
        return Math.min(offset, lineEnd(lineIndex)) > start
                ? text.codePointCount(start, Math.min(offset, lineEnd(lineIndex))) + 1 : 1;
    }

    private int clamp(int offset) {
        int clamped = Math.min(Math.max(offset, 0), text.length());
        // Never point between the two halves of a surrogate pair.
        if (clamped > 0 && clamped < text.length() && Character.isLowSurrogate(text.charAt(clamped))
                && Character.isHighSurrogate(text.charAt(clamped - 1))) {
            clamped--;
        }
        return clamped;
    }

    /** A problem spanning {@code [start, end)}; the caret line underlines the part of the span on the first line. */
    Problem problem(Problem.Severity severity, int start, int end, String message, String hint) {
        int from = clamp(start);
        int line = lineIndex(from);
        int lineStart = lineStarts[line];
        int lineEnd = lineEnd(line);
        int at = Math.min(from, lineEnd);
        int to = Math.max(at, Math.min(clamp(end), lineEnd));

        int column = at > lineStart ? text.codePointCount(lineStart, at) + 1 : 1;
        int lineLength = text.codePointCount(lineStart, lineEnd);
        int shownFrom = 0;
        int shownTo = lineLength;
        if (lineLength > MAX_SHOWN) {
            shownFrom = Math.max(0, Math.min(column - 1 - SHOWN_BEFORE, lineLength - MAX_SHOWN));
            shownTo = shownFrom + MAX_SHOWN;
        }
        int shownStart = text.offsetByCodePoints(lineStart, shownFrom);
        int shownEnd = text.offsetByCodePoints(shownStart, shownTo - shownFrom);

        StringBuilder source = new StringBuilder();
        StringBuilder caret = new StringBuilder();
        if (shownFrom > 0) {
            source.append('…');
            caret.append(' ');
        }
        boolean underlining = false;
        for (int i = shownStart; i < shownEnd; ) {
            int cp = text.codePointAt(i);
            if (i == at) {
                underlining = true;
                caret.append('^');
                appendShown(source, cp);
                padding(caret, cp, true);
            } else {
                appendShown(source, cp);
                if (underlining && i < to) {
                    padding(caret, cp, false);
                } else if (!underlining) {
                    padding(caret, cp, null);
                }
            }
            i += Character.charCount(cp);
        }
        if (shownTo < lineLength) {
            source.append('…');
        }
        if (!underlining) {
            caret.append('^');
        }
        return new Problem(name, line + 1, column, severity, message, hint == null ? "" : hint, source.toString(),
                caret.toString());
    }

    // Control characters would reach the terminal as they are (escape sequences, bells); a replacement keeps the
    // column count and harms nothing.
    private static void appendShown(StringBuilder out, int cp) {
        if (cp == '\t' || !(Character.isISOControl(cp) || Characters.isBidiControl(cp))) {
            out.appendCodePoint(cp);
        } else {
            out.append('\uFFFD');
        }
    }

    /**
     * Adds what sits under a code point in the caret line: a tab for a tab, two columns for a wide character, none
     * for a combining mark. {@code underline} null means blank, true the caret's own cell, false an underline cell.
     */
    private static void padding(StringBuilder caret, int cp, Boolean underline) {
        int width = cp == '\t' ? 1 : Characters.displayWidth(cp);
        if (underline == null) {
            if (cp == '\t') {
                caret.append('\t');
            } else {
                caret.append("  ", 0, width);
            }
        } else if (underline) {
            caret.append("~", 0, Math.max(0, width - 1));
        } else {
            caret.append("~~", 0, width);
        }
    }
}
