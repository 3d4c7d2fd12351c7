package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** The output layer's promises, one test each. */
class OutputFilesTest {
    @TempDir
    Path tmp;

    private long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void aCommittedOutputReplacesTheFileAndKeepsItsPermissions() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.txt"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        try (OutputFiles files = new OutputFiles()) {
            OutputFiles.Target target = files.output("--out", file);
            Writer w = target.open();
            w.write("new");
            assertThat(file).hasContent("old");
            target.commit();
        }
        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void anOutputNotCommittedLeavesTheFileAsItWasAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.txt"), "old");
        try (OutputFiles files = new OutputFiles()) {
            files.output("--out", file).open().write("half");
            assertThat(temporaryFiles()).isOne();
        }
        assertThat(file).hasContent("old");
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void anOutputIsRefusedWhenItIsAnInputOrAnotherOutputByIdentity() throws IOException {
        Path input = Files.writeString(tmp.resolve("in.txt"), "x");
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), input);
        Path hard = Files.createLink(tmp.resolve("hard.txt"), input);
        try (OutputFiles files = new OutputFiles()) {
            files.input("--input", input);
            for (Path alias : new Path[] {input, link, hard, tmp.resolve(".").resolve("in.txt")}) {
                assertThatThrownBy(() -> files.output("--out", alias)).isInstanceOf(OutputFiles.OutputProblem.class)
                        .hasMessageContaining("is the same file as --input '" + input + "'");
            }
            files.output("--out", tmp.resolve("new.txt"));
            assertThatThrownBy(() -> files.output("--labels", tmp.resolve("new.txt")))
                    .hasMessageContaining("--labels '" + tmp.resolve("new.txt") + "' is the same file as --out");
            files.output("--out", Path.of("/dev/null"));
            files.output("--labels", Path.of("/dev/null"));
        }
    }

    @Test
    void directoriesMissingDirectoriesAndReadOnlyFilesAreRefusedBeforeOpening() throws IOException {
        try (OutputFiles files = new OutputFiles()) {
            assertThatThrownBy(() -> files.output("--out", tmp)).hasMessageContaining("is a directory, not a file");
            assertThatThrownBy(() -> files.output("--out", tmp.resolve("no/such.txt")))
                    .hasMessageContaining("is in a directory that does not exist: '" + tmp.resolve("no") + "'");
        }
    }

    @Test
    void aLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), real);
        try (OutputFiles files = new OutputFiles()) {
            OutputFiles.Target target = files.output("--out", link);
            target.open().write("new");
            target.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }
}
