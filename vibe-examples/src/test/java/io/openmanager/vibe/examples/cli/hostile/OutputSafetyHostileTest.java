package io.openmanager.vibe.examples.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.openmanager.vibe.examples.cli.VibeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 17, findings 1 to 5, 7 and 8: no command line can make vibe overwrite an input, truncate an output before
 * finding that another cannot be written, lose a write error on standard output, replace a device or a link, or let
 * two options write one file under two names.
 */
class OutputSafetyHostileTest {
    @TempDir
    Path tmp;

    private static String series(int rows) {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("2014-04-01 %02d:%02d:00,%s%n", i / 60 % 24, i % 60, 10 + Math.sin(i)));
        }
        return csv.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<Path> hiddenTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void finding1DetectRefusesToScoreADirectoryOrAFileIntoItself() throws IOException {
        String original = series(200);
        Path in = write("in/a.csv", original);

        Vibe sameDirectory = Vibe.run("detect", "--input", tmp.resolve("in").toString(), "--output",
                tmp.resolve("in").toString());
        Vibe fileIntoItsDirectory = Vibe.run("detect", "--input", in.toString(), "--output",
                tmp.resolve("in").toString());
        Vibe throughALink = Vibe.run("detect", "--input", in.toString(), "--output",
                Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("in")).toString());

        for (Vibe run : List.of(sameDirectory, fileIntoItsDirectory, throughALink)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        }
        assertThat(sameDirectory.err()).contains("is the --input directory: the scored files would replace the files"
                + " they score");
        assertThat(fileIntoItsDirectory.err()).contains("would put the scored file in place of --input");
        assertThat(in).hasContent(original);
    }

    @Test
    void finding2ForecastRefusesToWriteOverItsInput() throws IOException {
        String original = series(300);
        Path in = write("in.csv", original);

        Vibe run = Vibe.run("forecast", "--input", in.toString(), "--horizon", "5", "--output", in.toString());

        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(run.err()).contains("--output '" + in + "' is the same file as --input '" + in + "'");
        assertThat(in).hasContent(original);
    }

    @Test
    void finding3SimulateRefusesToWriteOverAScenarioFile() throws IOException {
        String scenario = "scenario s {\n  trigger every 6h probability 0.5\n  duration 10m\n"
                + "  at 0s on db-primary-01 set cpu_usage 95\n}\n";
        Path file = write("s.scenarios", scenario);
        for (String option : new String[] {"--out", "--labels", "--events"}) {
            Vibe run = Vibe.run("simulate", "--duration", "1m", "--scenarios", file.toString(), option,
                    file.toString());
            assertThat(run.exitCode()).as(option).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
            assertThat(run.err()).contains(option + " '" + file + "' is the same file as --scenarios");
        }
        assertThat(file).hasContent(scenario);
    }

    @Test
    void finding4AnOutputThatCannotBeWrittenIsFoundBeforeAnyOtherIsTouched() throws IOException {
        Path keep = write("keep.jsonl", "precious\n");

        Vibe run = Vibe.run("simulate", "--duration", "1m", "--out", keep.toString(), "--labels",
                tmp.resolve("no/such/dir/l.json").toString(), "--events", tmp.resolve("e.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(keep).hasContent("precious\n");
        assertThat(tmp.resolve("e.jsonl")).doesNotExist();
        assertThat(hiddenTemporaryFiles(tmp)).isEmpty();
    }

    @Test
    void finding5AFullDiskOnStandardOutputIsAnErrorInEveryCommand() {
        String[][] commands = {{"fleet", "--format", "json"}, {"fleet"}, {"scenario", "print",
            "--format", "json", builtIn()}, {"simulate", "--duration", "1h"}, {"--help"}};
        for (String[] command : commands) {
            Vibe run = Vibe.run(Vibe.failingAfter(10, "No space left on device"), command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(VibeCli.EXIT_RUNTIME_ERROR);
            assertThat(run.err()).as(String.join(" ", command))
                    .endsWith(": cannot write to standard output: No space left on device" + System.lineSeparator());
        }
    }

    private String builtIn() {
        try {
            return write("b.scenarios", "scenario b {\n  duration 10m\n  at 0s on db-primary-01 set cpu_usage 95\n}\n")
                    .toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void finding5TheDemoIntoAFullDiskStopsAtOnce() {
        Vibe run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Vibe.run(
                Vibe.failingAfter(2_000, "No space left on device"), "demo", "--duration", "7d", "--speed", "1e9"));
        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_RUNTIME_ERROR);
        assertThat(run.err()).contains("vibe demo: cannot write to standard output: No space left on device");
    }

    @Test
    void aClosedPipeEndsQuietlyWithExitCodeZero() {
        Vibe run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Vibe.run(
                Vibe.failingAfter(10_000, "Broken pipe"), "simulate", "--duration", "3650d"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void finding7ADeviceIsWrittenThroughNeverReplaced() throws IOException {
        Path full = Path.of("/dev/full");
        if (!Files.exists(full)) {
            return;
        }
        Vibe run = Vibe.run("report", "--duration", "1m", "--out", full.toString());

        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_RUNTIME_ERROR);
        assertThat(run.err()).contains("cannot write --out '/dev/full': No space left on device");
        assertThat(Files.isRegularFile(full)).as("still a device").isFalse();
        assertThat(Files.exists(full)).isTrue();
    }

    @Test
    void finding7ALinkIsWrittenThroughAndStaysALink() throws IOException {
        Path in = write("in.csv", series(300));
        Path target = write("real/forecast.csv", "old\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), target);

        Vibe run = Vibe.run("forecast", "--input", in.toString(), "--horizon", "3", "--output", link.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).startsWith("series,step,timestamp,forecast\nin,1,");
        assertThat(hiddenTemporaryFiles(tmp)).isEmpty();
    }

    @Test
    void finding7ANamedPipeReceivesTheOutput() throws Exception {
        Path fifo = tmp.resolve("pipe");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
            return;
        }
        Thread reader = new Thread(() -> {
            try {
                Files.writeString(tmp.resolve("received.txt"), Files.readString(fifo));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        Vibe run = Vibe.run("simulate", "--duration", "10s", "--format", "csv", "--out", fifo.toString());
        reader.join(30_000);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(tmp.resolve("received.txt"))).startsWith("timestamp,server,");
        assertThat(Files.isRegularFile(fifo)).as("still a pipe").isFalse();
    }

    @Test
    void finding8TwoNamesOfOneFileAreOneFile() throws IOException {
        Path real = tmp.resolve("a.jsonl");
        Path link = Files.createSymbolicLink(tmp.resolve("b.jsonl"), real);
        Path dotted = tmp.resolve("x").resolve("..").resolve("a.jsonl");
        Files.createDirectories(tmp.resolve("x"));

        Vibe viaLink = Vibe.run("simulate", "--duration", "1m", "--out", real.toString(), "--labels",
                link.toString());
        Vibe viaDots = Vibe.run("simulate", "--duration", "1m", "--out", real.toString(), "--events",
                dotted.toString());

        assertThat(viaLink.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(viaLink.err()).contains("--labels '" + link + "' is the same file as --out '" + real + "'");
        assertThat(viaDots.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(real).doesNotExist();
    }
}
