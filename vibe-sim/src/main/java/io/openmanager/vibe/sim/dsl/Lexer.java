package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.sim.dsl.Token.Kind;

/**
 * Splits scenario text into tokens, one at a time. Comments run from {@code #} to the end of the line; whitespace is
 * spaces, tabs, form feeds and line breaks. A word is a run of printable ASCII other than {@code { } " #}; strings are
 * double-quoted, on one line, with the escapes <code>\" \\ \n \t \r &#92;uXXXX &#92;u{X...}</code>.
 *
 * <p>Problems inside strings and comments are reported here; characters that fit nowhere become a {@link Kind#BAD}
 * token, which the parser reports if it was expecting something else there.
 */
final class Lexer {
    private final SourceText source;
    private final String s;
    private final Diagnostics diagnostics;
    private int pos;
    private boolean lineStart = true;

    Lexer(SourceText source, Diagnostics diagnostics) {
        this.source = source;
        this.s = source.text;
        this.diagnostics = diagnostics;
    }

    Token next() {
        boolean glued = true;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n' || c == '\r') {
                lineStart = true;
                glued = false;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                glued = false;
                pos++;
            } else if (c == '#') {
                glued = false;
                comment();
            } else {
                break;
            }
        }
        boolean first = lineStart;
        lineStart = false;
        int start = pos;
        if (pos >= s.length()) {
            return new Token(Kind.EOF, start, start, "", first, glued);
        }
        int c = s.codePointAt(pos);
        if (c == '{' || c == '}') {
            pos++;
            return new Token(c == '{' ? Kind.OPEN : Kind.CLOSE, start, pos, c == '{' ? "{" : "}", first, glued);
        }
        if (c == '"') {
            return string(start, first, glued);
        }
        if (Characters.isWordChar(c)) {
            while (pos < s.length() && Characters.isWordChar(s.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.WORD, start, pos, s.substring(start, pos), first, glued);
        }
        while (pos < s.length()) {
            int d = s.codePointAt(pos);
            if (Characters.isWordChar(d) || d == ' ' || d == '\t' || d == '\f' || d == '\n' || d == '\r'
                    || d == '"' || d == '{' || d == '}' || d == '#') {
                break;
            }
            pos += Character.charCount(d);
        }
        return new Token(Kind.BAD, start, pos, "character " + Characters.describe(c), first, glued);
    }

    /** The hint for a {@link Kind#BAD} token starting with {@code cp}. */
    static String hintFor(int cp) {
        if (Characters.isBidiControl(cp)) {
            return "bidirectional controls make text display differently from how it parses; remove it";
        }
        if (Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
            return "replace it with a plain space";
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return "remove it";
        }
        if (cp >= 0x80) {
            return "only strings (in double quotes) and comments may contain non-ASCII text";
        }
        return "";
    }

    private void comment() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n' || c == '\r') {
                return;
            }
            if (Characters.isBidiControl(c)) {
                diagnostics.error(source, pos, pos + 1, "bidirectional control character " + Characters.describe(c)
                        + " in a comment", "it makes the text display differently from how it parses; remove it");
            }
            pos++;
        }
    }

    private Token string(int start, boolean first, boolean glued) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= s.length() || s.charAt(pos) == '\n' || s.charAt(pos) == '\r') {
                diagnostics.error(source, start, pos, "unterminated string: expected '\"' before the end of the "
                        + (pos >= s.length() ? "file" : "line"), "a string stays on one line; write \\n for a line break");
                return new Token(Kind.STRING, start, pos, value.toString(), first, glued);
            }
            int c = s.codePointAt(pos);
            if (c == '"') {
                pos++;
                return new Token(Kind.STRING, start, pos, value.toString(), first, glued);
            }
            if (c == '\\') {
                escape(value);
            } else {
                if (c != '\t' && (Character.isISOControl(c) || Characters.isBidiControl(c))) {
                    String code = String.format(java.util.Locale.ROOT, "\\u%04X", c);
                    diagnostics.error(source, pos, pos + 1, (Characters.isBidiControl(c) ? "bidirectional control"
                            : "control") + " character " + Characters.describe(c) + " in a string",
                            "write it as " + code + " so that it can be seen");
                }
                value.appendCodePoint(c);
                pos += Character.charCount(c);
            }
        }
    }

    private void escape(StringBuilder value) {
        int at = pos;
        pos++;
        if (pos >= s.length() || s.charAt(pos) == '\n' || s.charAt(pos) == '\r') {
            return;
        }
        char e = s.charAt(pos);
        switch (e) {
            case '"':
            case '\\':
                value.append(e);
                pos++;
                return;
            case 'n':
                value.append('\n');
                pos++;
                return;
            case 't':
                value.append('\t');
                pos++;
                return;
            case 'r':
                value.append('\r');
                pos++;
                return;
            case 'u':
                unicodeEscape(at, value);
                return;
            default:
                int cp = s.codePointAt(pos);
                diagnostics.error(source, at, pos + Character.charCount(cp), "unknown escape "
                        + Words.quote("\\" + new String(Character.toChars(cp))) + " in a string",
                        "the escapes are \\\" \\\\ \\n \\t \\r \\uXXXX and \\u{XXXXX}");
                value.appendCodePoint(cp);
                pos += Character.charCount(cp);
        }
    }

    private void unicodeEscape(int at, StringBuilder value) {
        pos++;
        if (pos < s.length() && s.charAt(pos) == '{') {
            int close = pos + 1;
            while (close < s.length() && close - pos <= 7 && isHex(s.charAt(close))) {
                close++;
            }
            if (close < s.length() && s.charAt(close) == '}' && close > pos + 1 && close - pos <= 7) {
                int cp = Integer.parseInt(s, pos + 1, close, 16);
                if (cp <= Character.MAX_CODE_POINT) {
                    value.appendCodePoint(cp);
                    pos = close + 1;
                    return;
                }
            }
            diagnostics.error(source, at, Math.min(close + 1, s.length()), "invalid escape in a string: \\u{...} takes"
                    + " 1 to 6 hexadecimal digits up to 10FFFF", "for example \\u{1F600}");
            pos = Math.min(close + (close < s.length() && s.charAt(close) == '}' ? 1 : 0), s.length());
            return;
        }
        int end = pos;
        while (end < s.length() && end - pos < 4 && isHex(s.charAt(end))) {
            end++;
        }
        if (end - pos == 4) {
            value.append((char) Integer.parseInt(s, pos, end, 16));
        } else {
            diagnostics.error(source, at, end, "invalid escape in a string: \\u takes 4 hexadecimal digits",
                    "for example \\u00E9, or \\u{1F600} beyond FFFF");
        }
        pos = end;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
