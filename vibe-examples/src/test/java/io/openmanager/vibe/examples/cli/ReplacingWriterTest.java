package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@link ReplacingWriter}: the target changes only when the body finished, and no temporary file is left. */
class ReplacingWriterTest {
    @TempDir
    Path tmp;

    private long filesIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void writesANewFile() throws Exception {
        Path out = tmp.resolve("new.txt");

        ReplacingWriter.write(out, writer -> writer.write("hello"));

        assertThat(out).hasContent("hello");
        assertThat(filesIn(tmp)).isEqualTo(1);
    }

    @Test
    void replacesAnExistingFileOnlyWhenTheBodyFinished() throws Exception {
        Path out = Files.writeString(tmp.resolve("page.html"), "old");

        ReplacingWriter.write(out, writer -> {
            writer.write("new");
            writer.flush();
            assertThat(out).hasContent("old");
        });

        assertThat(out).hasContent("new");
        assertThat(filesIn(tmp)).isEqualTo(1);
    }

    @Test
    void aFailingBodyLeavesAnExistingFileIntactAndNoTemporaryFile() throws Exception {
        Path out = Files.writeString(tmp.resolve("page.html"), "old");

        assertThatThrownBy(() -> ReplacingWriter.write(out, writer -> {
            writer.write("half a pa");
            throw new IllegalStateException("run failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("run failed");
        assertThatThrownBy(() -> ReplacingWriter.write(out, writer -> {
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(out).hasContent("old");
        assertThat(filesIn(tmp)).isEqualTo(1);
    }

    @Test
    void aMissingDirectoryFailsBeforeTheBodyRuns() {
        Path out = tmp.resolve("no/such/dir/x.html");
        boolean[] ran = {false};

        assertThatThrownBy(() -> ReplacingWriter.write(out, writer -> ran[0] = true))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(ran[0]).isFalse();
    }
}
