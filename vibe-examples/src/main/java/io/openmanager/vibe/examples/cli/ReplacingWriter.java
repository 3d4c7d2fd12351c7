package io.openmanager.vibe.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Writes a file through a temporary file in the same directory that replaces it only once the body has finished, so
 * a failed or interrupted run leaves an existing file as it was and never leaves half a file behind.
 */
final class ReplacingWriter {
    /** What writes the file's content; may run for long and may fail. */
    @FunctionalInterface
    interface Body {
        /**
         * Writes the content.
         *
         * @param writer the UTF-8 writer of the temporary file
         * @throws IOException if writing fails; the target is then left as it was
         */
        void write(Writer writer) throws IOException;
    }

    private ReplacingWriter() {
    }

    /**
     * Why {@code target} cannot be written by {@link #write}, worded for the command-line option that named it, or
     * empty: checked before a long run, so that a missing directory is not found only at its end.
     */
    static Optional<String> problem(String option, Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return Optional.of(option + " names a file in a directory that does not exist: '" + target + "'");
        }
        if (Files.isDirectory(target)) {
            return Optional.of(option + " names a directory, not a file: '" + target + "'");
        }
        return Optional.empty();
    }

    /**
     * Creates a temporary file next to {@code target} (so that a directory that cannot be written fails before the
     * body runs), runs the body on it and then moves it over {@code target} atomically where the file system can; on
     * any failure deletes the temporary file and rethrows.
     *
     * @param target the file to write or replace
     * @param body   writes the content
     * @throws IOException if the temporary file cannot be created, the body fails or the move fails
     */
    static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(writer);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
