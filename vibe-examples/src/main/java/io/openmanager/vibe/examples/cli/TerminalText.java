package io.openmanager.vibe.examples.cli;

/**
 * Text from files and the command line made safe for a terminal before it is printed: control characters (ESC, BEL,
 * carriage return ...), Unicode direction overrides and isolates (which reorder what follows them), lone surrogates
 * and other invisible format characters are shown as {@code \u001b}-style escapes, so an input file can neither
 * set the terminal's title, clear the screen nor make a message read backwards. Long text is cut.
 */
final class TerminalText {
    /** How much of a value a message quotes. */
    static final int MAX_QUOTED = 120;

    private TerminalText() {
    }

    /** The text with every unsafe character escaped, cut to {@value #MAX_QUOTED} characters. */
    static String printable(String text) {
        return escape(text, MAX_QUOTED, false);
    }

    /** {@link #printable(String)} in single quotes: how a message quotes a value read from a file. */
    static String quoted(String text) {
        return "'" + printable(text) + "'";
    }

    /** A one-line message quoting what it may: every unsafe character escaped, cut to 2,000 characters. */
    static String line(String text) {
        return escape(text, 2_000, false);
    }

    /**
     * A whole message (which may span lines, like a scenario problem with its caret line): every unsafe character
     * escaped but line feeds and tabs; not cut.
     */
    static String message(String text) {
        return text == null ? null : escape(text, Integer.MAX_VALUE, true);
    }

    private static String escape(String text, int max, boolean keepLines) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
            boolean unsafe = !pair && unsafe(c) && !(keepLines && (c == '\n' || c == '\t'));
            if (out == null) {
                if (!unsafe && i < max) {
                    if (pair) {
                        i++;
                    }
                    continue;
                }
                out = new StringBuilder(Math.min(n, max) + 16).append(text, 0, i);
            }
            if (out.length() >= max) {
                return out.append("...").toString();
            }
            if (unsafe) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
                if (pair) {
                    out.append(text.charAt(++i));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(char c) {
        if (c < 0x20 || c >= 0x7f && c < 0xa0 || Character.isSurrogate(c)) {
            return true;
        }
        // Direction marks, embeddings, overrides and isolates; zero-width and other invisible format characters.
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
