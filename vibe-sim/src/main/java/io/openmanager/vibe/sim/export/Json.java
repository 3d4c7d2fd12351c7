package io.openmanager.vibe.sim.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.Writer;

/** The Jackson configuration shared by the JSON writers, and their JDK-independent number writing. */
final class Json {
    // The writer belongs to the caller, so closing a generator must not close it. No root separator: JSON Lines ends
    // each value with its own '\n' instead of Jackson's default space between root values.
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Json() {
    }

    static JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /**
     * Writes doubles as fixed decimals through {@link JsonGenerator#writeNumber(char[], int, int)}: Jackson's own
     * double writing goes through {@code Double.toString}, whose output depends on the JDK. Reuses its buffers.
     */
    static final class Numbers {
        private final StringBuilder text = new StringBuilder(32);
        private char[] chars = new char[32];

        /** Writes a value rounded to {@code decimals}, or {@code null} for NaN and infinities. */
        void write(JsonGenerator json, double value, int decimals) throws IOException {
            if (!Double.isFinite(value)) {
                json.writeNull();
                return;
            }
            text.setLength(0);
            FixedDecimal.append(text, value, decimals);
            int length = text.length();
            if (chars.length < length) {
                chars = new char[length];
            }
            text.getChars(0, length, chars, 0);
            json.writeNumber(chars, 0, length);
        }
    }
}
