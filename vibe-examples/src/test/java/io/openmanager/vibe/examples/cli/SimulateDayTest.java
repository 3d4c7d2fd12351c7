package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The done-when checks of {@code vibe simulate}, on whole days: row counts, byte identity across runs and thread
 * counts, windows that reproduce slices of the day, labels that list the injected incidents. Outputs go to files and
 * are compared by SHA-256; the day is simulated once for the whole class.
 */
class SimulateDayTest {
    private static final int SERVERS = 20;
    private static final int TICKS_PER_DAY = 17_280;
    /** SHA-256 of {@code vibe simulate --seed 42 --duration 24h --format jsonl}: the same on every run and JDK. */
    private static final String DAY_SHA256 = "e7bd7b4051ed995e771b140ce9dc09354d9c9cfdefdce9b0894551bcb317ed8f";

    @TempDir
    static Path tmp;
    private static Path day;

    @BeforeAll
    static void simulateTheDay() {
        day = simulate("day.jsonl", "--seed", "42", "--duration", "24h", "--format", "jsonl");
    }

    private static Path simulate(String file, String... options) {
        Path out = tmp.resolve(file);
        List<String> args = new ArrayList<>(List.of("simulate", "--out", out.toString()));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        int exitCode = VibeCli.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(exitCode).as("exit code of %s, stderr: %s", args, err).isZero();
        return out;
    }

    /** Line count and SHA-256 of a whole file, and SHA-256 of its lines {@code [fromLine, toLine)}. */
    private record Digest(long lines, String sha256, String sliceSha256) {
        static Digest of(Path file, long fromLine, long toLine) throws IOException {
            MessageDigest whole = newSha256();
            MessageDigest slice = newSha256();
            long line = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    whole.update(buffer, 0, n);
                    int sliceStart = -1;
                    for (int i = 0; i < n; i++) {
                        boolean inSlice = line >= fromLine && line < toLine;
                        if (inSlice && sliceStart < 0) {
                            sliceStart = i;
                        }
                        if (buffer[i] == '\n') {
                            line++;
                            if (inSlice && line == toLine) {
                                slice.update(buffer, sliceStart, i + 1 - sliceStart);
                                sliceStart = -1;
                            }
                        }
                    }
                    if (sliceStart >= 0) {
                        slice.update(buffer, sliceStart, n - sliceStart);
                    }
                }
            }
            HexFormat hex = HexFormat.of();
            return new Digest(line, hex.formatHex(whole.digest()), hex.formatHex(slice.digest()));
        }

        private static MessageDigest newSha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aDayOfTheDefaultFleetIs345600RowsWithPinnedBytes() throws IOException {
        Digest digest = Digest.of(day, 0, 0);

        assertThat(digest.lines()).isEqualTo(345_600L).isEqualTo((long) SERVERS * TICKS_PER_DAY);
        assertThat(digest.sha256()).isEqualTo(DAY_SHA256);
    }

    @Test
    void twoThreadsWriteTheSameBytes() throws IOException {
        Path twoThreads = simulate("day-2-threads.jsonl", "--seed", "42", "--duration", "24h", "--threads", "2");

        assertThat(Digest.of(twoThreads, 0, 0).sha256()).isEqualTo(Digest.of(day, 0, 0).sha256());
    }

    @Test
    void anHourWindowIsExactlyThatSliceOfTheDay() throws IOException {
        Path noon = simulate("noon.jsonl", "--from", "12h", "--to", "13h");
        long from = 8_640L * SERVERS;
        long to = 9_360L * SERVERS;

        Digest window = Digest.of(noon, 0, Long.MAX_VALUE);

        assertThat(window.lines()).isEqualTo(to - from);
        assertThat(window.sha256()).isEqualTo(Digest.of(day, from, to).sliceSha256());
    }

    @Test
    void aWeeksLabelsAreTheIncidentsTheEngineInjected() throws IOException {
        Path labels = tmp.resolve("week-labels.json");
        simulate("week.csv", "--duration", "7d", "--format", "csv", "--labels", labels.toString());
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        List<Incident> injected = engine.incidents(engine.start(), engine.start().plus(Duration.ofDays(7)));

        JsonNode written = new ObjectMapper().readTree(labels.toFile());

        assertThat(injected).isNotEmpty();
        assertThat(written).hasSize(injected.size());
        Iterator<JsonNode> nodes = written.elements();
        for (Incident incident : injected) {
            JsonNode node = nodes.next();
            assertThat(node.get("id").asText()).isEqualTo(incident.id());
            assertThat(node.get("scenario").asText()).isEqualTo(incident.scenario());
            assertThat(node.get("origin").asText()).isEqualTo(incident.origin());
            Map<String, List<String>> affected = new LinkedHashMap<>();
            node.get("affected").properties().forEach(host -> {
                List<String> metrics = new ArrayList<>();
                host.getValue().forEach(metric -> metrics.add(metric.asText()));
                affected.put(host.getKey(), metrics);
            });
            assertThat(affected).isEqualTo(incident.affected());
            assertThat(node.get("start").asText()).isEqualTo(incident.start().toString());
            assertThat(node.get("recoveryStart").asText()).isEqualTo(incident.recoveryStart().toString());
            assertThat(node.get("end").asText()).isEqualTo(incident.end().toString());
        }
        assertThat(Digest.of(tmp.resolve("week.csv"), 0, 0).lines()).isEqualTo(1 + 7L * TICKS_PER_DAY * SERVERS);
    }
}
