package io.openmanager.vibe.examples.cli.hostile;

import io.openmanager.vibe.examples.cli.VibeCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process {@code vibe} run of the hostile suite: exit code and both streams. */
record Vibe(int exitCode, String out, String err) {

    /** Runs with standard output in memory. */
    static Vibe run(String... args) {
        return run(new ByteArrayOutputStream(), args);
    }

    /** Runs with standard output going to {@code stdout} (which may fail, as a full disk or a closed pipe). */
    static Vibe run(OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        int code = VibeCli.run(args, stdout, new PrintWriter(err));
        String out = stdout instanceof ByteArrayOutputStream
                ? ((ByteArrayOutputStream) stdout).toString(StandardCharsets.UTF_8) : "";
        return new Vibe(code, out, err.toString());
    }

    /** A stream that takes {@code capacity} bytes and then fails every write with {@code message}. */
    static OutputStream failingAfter(long capacity, String message) {
        return new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (written + length > capacity) {
                    throw new IOException(message);
                }
                written += length;
            }
        };
    }
}
