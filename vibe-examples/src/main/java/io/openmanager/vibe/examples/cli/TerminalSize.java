package io.openmanager.vibe.examples.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The size of the terminal, in character cells. Java has no API for it: {@link #query()} asks {@code stty size} about
 * the controlling terminal ({@code /dev/tty}), as line editors on the JVM do, then the variables {@code COLUMNS} and
 * {@code LINES}, and falls back to 80 by 24.
 *
 * @param columns character cells per line
 * @param rows    lines
 */
record TerminalSize(int columns, int rows) {
    /** The classic terminal, and the size assumed when no other is known. */
    static final TerminalSize DEFAULT = new TerminalSize(80, 24);
    private static final File TTY = new File("/dev/tty");

    /** The size of the controlling terminal, or of the variables COLUMNS and LINES, or {@link #DEFAULT}. */
    static TerminalSize query() {
        TerminalSize fromStty = stty();
        if (fromStty != null) {
            return fromStty;
        }
        int columns = positive(System.getenv("COLUMNS"));
        int rows = positive(System.getenv("LINES"));
        return new TerminalSize(columns > 0 ? columns : DEFAULT.columns, rows > 0 ? rows : DEFAULT.rows);
    }

    private static TerminalSize stty() {
        if (!TTY.canRead()) {
            return null;
        }
        try {
            Process process = new ProcessBuilder("stty", "size").redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            if (!process.waitFor(2, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return parse(output);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Reads {@code stty size}'s answer, "rows columns"; null when it is not two positive numbers. */
    static TerminalSize parse(String sttySize) {
        String[] parts = sttySize.trim().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        int rows = positive(parts[0]);
        int columns = positive(parts[1]);
        return rows > 0 && columns > 0 ? new TerminalSize(columns, rows) : null;
    }

    private static int positive(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return Math.max(0, value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
