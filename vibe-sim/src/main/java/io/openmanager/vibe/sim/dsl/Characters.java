package io.openmanager.vibe.sim.dsl;

import java.util.Locale;

/** Character classes of the scenario language and of its error messages. */
final class Characters {
    private Characters() {
    }

    /** Characters of a bare word: printable ASCII except the delimiters {@code { } " #}. */
    static boolean isWordChar(int c) {
        return c > 0x20 && c < 0x7F && c != '{' && c != '}' && c != '"' && c != '#';
    }

    /** Letters, digits, '.', '_' and '-': the characters of hostnames and metric names. */
    static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    static boolean isNameChars(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits, '_' and '-': the characters of scenario names. */
    static boolean isScenarioName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || !isNameChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** Label keys and values written without quotes: name characters plus '/' and ':' (values only). */
    static boolean isBareLabelPart(String s, boolean value) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isNameChar(c) || c == '/' || (value && c == ':'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bidirectional controls reorder how text is displayed without changing what is parsed ("Trojan Source",
     * CVE-2021-42574); the language refuses them unescaped, so a file reads as it parses.
     */
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /** Terminal columns a code point takes: 0 for combining marks, 2 for East Asian wide characters, else 1. */
    static int displayWidth(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /**
     * A code point for a message: {@code 'é' (U+00E9)} for a visible one, {@code (U+00A0 NO-BREAK SPACE)} for an
     * invisible one, whose name is what tells it apart.
     */
    static String describe(int cp) {
        String code = String.format(Locale.ROOT, "U+%04X", cp);
        int type = Character.getType(cp);
        boolean invisible = Character.isISOControl(cp) || isBidiControl(cp) || Character.isWhitespace(cp)
                || Character.isSpaceChar(cp) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        if (!invisible) {
            return "'" + new String(Character.toChars(cp)) + "' (" + code + ")";
        }
        String name = Character.getName(cp);
        return "(" + code + (name == null ? "" : " " + name) + ")";
    }
}
