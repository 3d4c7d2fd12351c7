package io.openmanager.vibe.examples.cli;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The CSV files named by an {@code --input} option: one regular file, or the {@code *.csv} regular files of a
 * directory (and of its subdirectories when recursive), in name order. A directory or file that cannot be read is
 * reported and skipped, not fatal; a named pipe, device or socket is refused (reading one could wait forever for a
 * writer).
 */
final class InputFiles {
    /**
     * The files found.
     *
     * @param base     what relative names are relative to: the directory, or the file's directory
     * @param files    the files, sorted
     * @param problems what was skipped and why, one line each, printable
     */
    record Listing(Path base, List<Path> files, List<String> problems) {
    }

    private InputFiles() {
    }

    /**
     * Lists the input.
     *
     * @param option    the option's name, for messages
     * @param input     a file or a directory
     * @param recursive whether to search subdirectories
     * @param skip      a directory not to search (the output directory, when it lies inside the input), or null
     * @throws OutputFiles.OutputProblem when the input does not exist or is not a regular file or directory
     */
    static Listing list(String option, Path input, boolean recursive, Path skip) throws IOException {
        String named = option + " " + TerminalText.quoted(input.toString());
        if (!Files.exists(input)) {
            throw new OutputFiles.OutputProblem(named + ": no such file or directory");
        }
        if (!Files.isDirectory(input)) {
            if (!Files.isRegularFile(input)) {
                throw new OutputFiles.OutputProblem(named + " is not a regular file or a directory (a named pipe,"
                        + " device or socket, which could keep vibe waiting for a writer): copy its data to a file");
            }
            Path absolute = input.toAbsolutePath();
            return new Listing(absolute.getParent(), List.of(absolute), List.of());
        }
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Object skipIdentity = skip == null ? null : OutputFiles.identity(skip);
        Files.walkFileTree(input, EnumSet.noneOf(FileVisitOption.class), recursive ? Integer.MAX_VALUE : 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return skipIdentity != null && !dir.equals(input)
                                && skipIdentity.equals(OutputFiles.identity(dir))
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                                && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add("cannot read " + TerminalText.quoted(file.toString()) + ": "
                                + OutputFiles.reason(e) + " (skipped)");
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            problems.add("cannot read all of " + TerminalText.quoted(dir.toString()) + ": "
                                    + OutputFiles.reason(e) + " (the rest is skipped)");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        return new Listing(input.toAbsolutePath(), files, problems);
    }
}
