package io.openmanager.vibe.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files a command reads and writes, so that no run loses data. Every command declares its inputs and outputs
 * here before it opens anything:
 * <ul>
 *   <li>an output that is the same file as an input or another output is refused, by the file's identity (device and
 *       inode), not its path text, so a symbolic link or a {@code ./} alias is caught too;</li>
 *   <li>an output whose directory is missing, or which names a directory or an unwritable file, is refused before
 *       any output is opened, so a bad last option never truncates the first;</li>
 *   <li>a regular file (or a new one) is written to a temporary file beside it, which replaces it only when the
 *       command {@linkplain Target#commit() commits} it complete: an interrupted or failed run leaves an existing file
 *       as it was and no half file. A symbolic link is followed and the file it names is written, so the link stays; a
 *       device, named pipe or other special file is written directly, never replaced;</li>
 *   <li>temporary files are deleted on failure, on {@link #close()}, and by the shutdown hook on Ctrl-C
 *       ({@link GracefulStop}).</li>
 * </ul>
 * Problems with the command line are reported as {@link OutputProblem}s, which commands turn into usage errors.
 */
final class OutputFiles implements AutoCloseable {
    private static final int BUFFER_CHARS = 1 << 16;
    private static final int MAX_LINKS = 40;

    /** What is wrong with an input or output path, worded for the option that named it. */
    static final class OutputProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputProblem(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<Object, String> identities = new HashMap<>();
    private final List<Target> targets = new ArrayList<>();

    /**
     * Declares a file the command reads; an output declared later must not be it.
     *
     * @param option the option that named it, for messages
     */
    void input(String option, Path file) {
        if (file != null) {
            identities.putIfAbsent(identity(file), option + " " + TerminalText.quoted(file.toString()));
        }
    }

    /**
     * Declares a file the command writes and checks it: not the same file as anything declared before, not a
     * directory, in a directory that exists, writable.
     *
     * @throws OutputProblem naming the option and the file
     */
    Target output(String option, Path file) {
        Objects.requireNonNull(file, "file");
        String named = option + " " + TerminalText.quoted(file.toString());
        Path resolved = followLinks(file.toAbsolutePath());
        Object identity = identity(file);
        String earlier = identities.get(identity);
        if (earlier != null && !isDevNull(resolved)) {
            throw new OutputProblem(named + " is the same file as " + earlier
                    + (earlier.startsWith(option + " ") ? "" : ": writing it would destroy what the other holds"));
        }
        identities.put(identity, named);
        if (Files.isDirectory(resolved)) {
            throw new OutputProblem(named + " is a directory, not a file");
        }
        Path parent = resolved.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new OutputProblem(named + " is in a directory that does not exist: "
                    + TerminalText.quoted(parent.toString()));
        }
        boolean exists = Files.exists(resolved);
        if (exists ? !Files.isWritable(resolved) : parent != null && !Files.isWritable(parent)) {
            throw new OutputProblem(named + " cannot be written: " + (exists ? "the file" : "its directory")
                    + " is not writable");
        }
        Target target = new Target(option, file, resolved);
        targets.add(target);
        return target;
    }

    /** Deletes the temporary files of outputs not committed; closes what is open. Never throws. */
    @Override
    public void close() {
        for (Target target : targets) {
            target.abandon();
        }
    }

    /** /dev/null may be named by several options: what is written there is discarded anyway. */
    private static boolean isDevNull(Path resolved) {
        return resolved.toString().equals("/dev/null");
    }

    /**
     * What makes two paths the same file: the file key (device and inode) of an existing file, else the real path of
     * its directory and its name (after following symbolic links), else the normalised absolute path.
     */
    static Object identity(Path file) {
        Path resolved = followLinks(file.toAbsolutePath());
        try {
            Object key = Files.readAttributes(resolved, BasicFileAttributes.class).fileKey();
            if (key != null) {
                return key;
            }
            return resolved.toRealPath();
        } catch (IOException missing) {
            Path parent = resolved.getParent();
            try {
                return parent == null ? resolved : parent.toRealPath().resolve(resolved.getFileName());
            } catch (IOException noParent) {
                return resolved.normalize();
            }
        }
    }

    /** The file a path names once its symbolic links are followed (a dangling link: the path it points to). */
    static Path followLinks(Path path) {
        Path current = path;
        for (int hops = 0; hops < MAX_LINKS && Files.isSymbolicLink(current); hops++) {
            try {
                Path target = Files.readSymbolicLink(current);
                Path parent = current.getParent();
                current = parent == null ? target : parent.resolve(target);
            } catch (IOException | UnsupportedOperationException e) {
                break;
            }
        }
        return current.normalize();
    }

    /** One output file. */
    static final class Target {
        private final String option;
        private final Path path;
        private final Path resolved;
        private Path temporary;
        private Writer writer;
        private boolean committed;

        private Target(String option, Path path, Path resolved) {
            this.option = option;
            this.path = path;
            this.resolved = resolved;
        }

        /** The path as given. */
        Path path() {
            return path;
        }

        /** The option that named it. */
        String option() {
            return option;
        }

        /**
         * Opens the output: a temporary file beside a regular (or new) file, committed by {@link #commit()}; a special
         * file directly.
         */
        Writer open() throws IOException {
            return open(false);
        }

        /**
         * Opens the output to be written in place, for a run that others follow as it goes ({@code tail -f}): a
         * regular file is truncated now rather than replaced at the end. Call only once every output is declared.
         */
        Writer openInPlace() throws IOException {
            return open(true);
        }

        private Writer open(boolean inPlace) throws IOException {
            if (writer != null) {
                throw new IllegalStateException(option + " is already open");
            }
            boolean special = Files.exists(resolved) && !Files.isRegularFile(resolved);
            if (special || inPlace) {
                // A device or pipe is never replaced; an existing file written in place is truncated.
                writer = writer(Files.newOutputStream(resolved, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        special ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING));
                return writer;
            }
            temporary = resolved.resolveSibling("." + resolved.getFileName() + "."
                    + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            GracefulStop.temporary(temporary);
            try {
                writer = writer(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (IOException e) {
                GracefulStop.settled(temporary);
                throw new DescribedIOException("cannot create a temporary file beside " + option + " "
                        + TerminalText.quoted(path.toString()) + ": " + reason(e), e);
            }
            return writer;
        }

        private static Writer writer(java.io.OutputStream out) {
            return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        }

        /**
         * Closes the output and, for a temporary file, moves it over the target (atomically where the file system
         * can), keeping an existing file's permissions.
         *
         * @throws IOException naming the option and file when the last write, the close or the move fails; the
         *                     target is then left as it was
         */
        void commit() throws IOException {
            if (committed || writer == null) {
                return;
            }
            try {
                writer.close();
            } catch (IOException e) {
                abandon();
                throw new DescribedIOException("cannot write " + option + " " + TerminalText.quoted(path.toString())
                        + ": " + reason(e), e);
            }
            writer = null;
            if (temporary != null) {
                try {
                    if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                        keepPermissions(resolved, temporary);
                    }
                    try {
                        Files.move(temporary, resolved, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, resolved, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    abandon();
                    throw new DescribedIOException("cannot replace " + option + " "
                            + TerminalText.quoted(path.toString()) + ": " + reason(e), e);
                }
                GracefulStop.settled(temporary);
                temporary = null;
            }
            committed = true;
        }

        /** Closes without committing: the temporary file goes, an existing target stays as it was. */
        void abandon() {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // Already failing, or being abandoned: the temporary file is deleted next.
                }
                writer = null;
            }
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                    GracefulStop.settled(temporary);
                } catch (IOException ignored) {
                    // Left for the shutdown hook.
                }
                temporary = null;
            }
        }

        private static void keepPermissions(Path from, Path to) {
            try {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            } catch (IOException | UnsupportedOperationException ignored) {
                // Not a POSIX file system, or not ours to read: the new file keeps the default permissions.
            }
        }
    }

    /** What an I/O failure says, without the path that the message already names. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            return reason != null ? TerminalText.printable(reason) : e.getClass().getSimpleName();
        }
        return TerminalText.printable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
