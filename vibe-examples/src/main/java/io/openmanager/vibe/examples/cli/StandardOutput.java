package io.openmanager.vibe.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Standard output that does not swallow its errors, as {@code System.out} and a {@code PrintWriter} would. The first
 * write error is remembered and thrown as {@link Failed}, an unchecked exception that a {@code PrintWriter} lets
 * through, so the command stops at once instead of computing into the void (a week of {@code vibe demo} into
 * {@code /dev/full}); later writes are discarded. {@link VibeCli} then ends quietly with exit code 0 if the reader
 * went away ({@code vibe simulate | head}), or says what went wrong with exit code 1 (a full disk).
 */
final class StandardOutput extends OutputStream {
    private final OutputStream out;
    private volatile IOException failure;

    /** The failure, thrown through the command. */
    static final class Failed extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        Failed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    StandardOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (failure == null) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw fail(e);
            }
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (failure == null) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw fail(e);
            }
        }
    }

    @Override
    public void flush() {
        if (failure == null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw fail(e);
            }
        }
    }

    private Failed fail(IOException e) {
        failure = e;
        return new Failed(e);
    }

    /** The first write error, or null. */
    IOException failure() {
        return failure;
    }

    /** Whether the failure says the reader closed the pipe (EPIPE), which is how {@code | head} ends a command. */
    boolean readerWentAway() {
        IOException e = failure;
        String message = e == null ? null : e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("broken pipe");
    }
}
