package io.openmanager.vibe.examples.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged {@code vibe.jar} under signals and permissions, in JVMs of its own. Issue 17, finding 6: Ctrl-C or
 * SIGTERM of a batch {@code simulate} left half a JSON record, an empty labels file and no message; interrupted
 * {@code forecast} and {@code report} left hidden temporary files. Finding 20: one unreadable subdirectory aborted
 * {@code detect}.
 */
class HostileJarIT {
    private static Path jar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("vibe.jar", "target/vibe.jar"));
        assertThat(jar).isRegularFile();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Process start(List<String> command) throws Exception {
        return new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
    }

    private static void awaitFile(Path dir, String suffix, long minBytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    if (p.getFileName().toString().endsWith(suffix) && Files.size(p) >= minBytes) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + suffix + " file of " + minBytes + " bytes in " + dir);
    }

    private static int terminate(Process process) throws Exception {
        process.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped").isTrue();
        return process.exitValue();
    }

    private List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void finding6ASignalEndsABatchSimulateWithCompleteOutputsAndSaysSo() throws Exception {
        Path out = tmp.resolve("year.jsonl");
        Path labels = tmp.resolve("labels.json");
        Path events = tmp.resolve("events.jsonl");
        Process process = start(command("simulate", "--duration", "365d", "--out", out.toString(), "--labels",
                labels.toString(), "--events", events.toString()));
        awaitFile(tmp, ".tmp", 2_000_000);

        int exit = terminate(process);

        assertThat(exit).isEqualTo(143);
        String err = Files.readString(tmp.resolve("err.txt"));
        assertThat(err).startsWith("vibe simulate: stopped by a signal after ").contains(" of 6307200; the outputs"
                + " are complete up to ");
        ObjectMapper json = new ObjectMapper();
        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(rows).isNotEmpty();
        assertThat(rows.size() % 20).as("whole ticks of 20 servers").isZero();
        for (String row : List.of(rows.get(0), rows.get(rows.size() - 1))) {
            assertThat(json.readTree(row).get("server").asText()).isNotEmpty();
        }
        JsonNode truth = json.readTree(labels.toFile());
        assertThat(truth.isArray()).isTrue();
        assertThat(Files.readString(events)).endsWith("}\n");
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void finding6AnInterruptedReportLeavesNoTemporaryFileAndTheOldFile() throws Exception {
        Path page = tmp.resolve("week.html");
        Files.writeString(page, "earlier page");
        Process report = start(command("report", "--duration", "3650d", "--out", page.toString()));
        awaitFile(tmp, ".tmp", 0);
        Thread.sleep(1_000);

        assertThat(terminate(report)).isEqualTo(143);

        assertThat(Files.readString(tmp.resolve("err.txt"))).contains("vibe report: stopped by a signal after ")
                .contains("was not written (an earlier file there is left as it was)");
        assertThat(page).hasContent("earlier page");
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void finding20AnUnreadableSubdirectoryIsReportedAndSkipped() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("locked"));
        Files.writeString(in.resolve("a.csv"), "timestamp,value\n1,1\n2,2\n");
        Files.writeString(in.resolve("locked/b.csv"), "timestamp,value\n1,1\n");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        for (Path p : List.of(tmp, in, in.resolve("a.csv"), out)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx"
                    : "rw-rw-rw-"));
        }
        Files.setPosixFilePermissions(in.resolve("locked"), PosixFilePermissions.fromString("---------"));
        List<String> command = command("detect", "--input", in.toString(), "--output", out.toString());
        if ("root".equals(System.getProperty("user.name"))) {
            // Root reads every directory: run as nobody, as a user would be.
            command.addAll(0, List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        Process process = start(command);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(tmp.resolve("err.txt"));
        assertThat(err).contains("vibe detect: cannot read '" + in.resolve("locked") + "': permission denied"
                + " (skipped)");
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(out.resolve("a.csv")).exists();
        Files.setPosixFilePermissions(in.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
    }
}
