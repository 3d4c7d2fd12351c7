package io.openmanager.vibe.examples.cli;

/**
 * Text for {@code vibe report}'s page: HTML escaping and fixed-decimal numbers.
 *
 * <p>Numbers are printed by integer arithmetic, never {@link Double#toString} or {@link String#format} (whose digits
 * changed in JDK 19), so that a report's bytes are the same on every JDK.
 */
final class HtmlText {
    private HtmlText() {
    }

    /**
     * Escapes text for an element's content or a quoted attribute value: {@code & < > " '}. Control characters other
     * than tab and line breaks, which XML forbids, become U+FFFD, and so do direction embeddings, overrides and
     * isolates (U+202A..U+202E, U+2066..U+2069), which would reorder the page's text after them (a title that reads
     * backwards), and lone surrogates, which UTF-8 cannot hold.
     */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            switch (c) {
                case '&':
                    replacement = "&amp;";
                    break;
                case '<':
                    replacement = "&lt;";
                    break;
                case '>':
                    replacement = "&gt;";
                    break;
                case '"':
                    replacement = "&quot;";
                    break;
                case '\'':
                    replacement = "&#39;";
                    break;
                default:
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                    replacement = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                            || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                            || Character.isSurrogate(c) && !pair ? "\uFFFD" : null;
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@code value} rounded half away from zero to {@code decimals} (0..6) decimals, without trailing zeros; "NaN" if
     * not finite.
     */
    static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "NaN";
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = value < 0 ? -Math.round(-value * scale) : Math.round(value * scale);
        StringBuilder out = new StringBuilder();
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction != 0) {
            StringBuilder digits = new StringBuilder(Long.toString(fraction));
            while (digits.length() < decimals) {
                digits.insert(0, '0');
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        return out.toString();
    }

    /** {@code value} with exactly {@code decimals} decimals, for tables where columns should line up. */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "NaN";
        }
        String text = number(value, decimals);
        if (decimals == 0) {
            return text;
        }
        int dot = text.indexOf('.');
        int have = dot < 0 ? 0 : text.length() - dot - 1;
        StringBuilder out = new StringBuilder(text);
        if (dot < 0) {
            out.append('.');
        }
        for (int i = have; i < decimals; i++) {
            out.append('0');
        }
        return out.toString();
    }
}
