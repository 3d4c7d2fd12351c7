package io.openmanager.vibe.sim.internal;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Strings that Jackson would write unsafely. Jackson writes a lone surrogate as it is, which no UTF-8 file can hold:
 * the writer's encoder turns it into '?'. Such a string is written here as a raw JSON string with the surrogate
 * escaped ({@code \uD800}), which JSON allows and parsers read back to the same Java string.
 */
public final class JsonStrings {
    private JsonStrings() {
    }

    /**
     * Writes a string field, escaping lone surrogates.
     *
     * @param alsoEscaped characters the generator's own escaping escapes (so that both paths write the same text)
     */
    public static void writeField(JsonGenerator json, String field, String value, IntPredicate alsoEscaped)
            throws IOException {
        if (!hasLoneSurrogate(value)) {
            json.writeStringField(field, value);
            return;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                quoted.append(c).append(value.charAt(++i));
            } else if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || alsoEscaped.test(c)) {
                quoted.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        json.writeFieldName(field);
        json.writeRawValue(quoted.append('"').toString());
    }

    /** Whether the string holds a surrogate that is not half of a pair. */
    public static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
