package io.openmanager.vibe.sim.export;

import java.io.IOException;
import java.io.Writer;

/**
 * A reusable line buffer in front of a writer: text is built in a {@link StringBuilder} and handed to the writer as a
 * {@code char[]} range, because {@code Writer.append(CharSequence)} would copy it into a new string first.
 */
final class TextBuffer {
    // Large enough for a tick of a small fleet in one write; a large fleet drains several times per tick.
    private static final int DRAIN_AT = 1 << 15;

    final StringBuilder text = new StringBuilder(DRAIN_AT + 1024);
    private final Writer out;
    private char[] chars = new char[DRAIN_AT + 1024];

    TextBuffer(Writer out) {
        this.out = out;
    }

    /** Hands the text to the writer when enough has gathered. */
    void drainIfFull() throws IOException {
        if (text.length() >= DRAIN_AT) {
            drain();
        }
    }

    /** Hands all text to the writer. */
    void drain() throws IOException {
        int length = text.length();
        if (length == 0) {
            return;
        }
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        text.getChars(0, length, chars, 0);
        text.setLength(0);
        out.write(chars, 0, length);
    }

    /** Drains and flushes the writer. */
    void flush() throws IOException {
        drain();
        out.flush();
    }
}
