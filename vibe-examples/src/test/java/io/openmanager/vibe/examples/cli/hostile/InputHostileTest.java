package io.openmanager.vibe.examples.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.openmanager.vibe.examples.cli.VibeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Issue 17, findings 11, 14, 15, 17, 18, 19 and 20: sizes that would exhaust the memory, inputs that would hang,
 * rows that were silently scored 0, ids that a spreadsheet would run, backtests that printed NaN, times past what a
 * format holds, and text that reached the terminal raw. Every command reads the same formats the same way.
 */
class InputHostileTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String series(int rows, boolean newestFirst) {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int k = 0; k < rows; k++) {
            int i = newestFirst ? rows - 1 - k : k;
            csv.append(String.format("2014-04-%02d %02d:%02d:00,%s%n", 1 + i / 1440, i / 60 % 24, i % 60,
                    10 + Math.sin(i / 10.0) + (i == rows - 10 ? 50 : 0)));
        }
        return csv.toString();
    }

    @Test
    void finding11HugeSizesAreUsageErrorsNamingTheOption() throws IOException {
        Path in = write("in.csv", series(300, false));
        String out = tmp.resolve("f.csv").toString();
        String[][] lines = {
            {"forecast", "--input", in.toString(), "--output", out, "--horizon", "2000000000"},
            {"forecast", "--input", in.toString(), "--output", out, "--horizon", "3", "--period", "2000000000"},
            {"backtest", "--input", in.toString(), "--horizon", "3", "--origins", "2000000000"},
            {"forecast", "--input", in.toString(), "--output", out, "--horizon", "3", "--history", "2000000000"},
            {"simulate", "--servers", "2000000000"},
            {"simulate", "--threads", "100000"}};
        String[] messages = {"--horizon must be in 1..100000: 2000000000", "--period must be in 0..1000000: 2000000000",
            "--origins must be in 1..10000: 2000000000", "--history must be in 2..10000000: 2000000000",
            "--servers must be in 1..1000000: 2000000000", "--threads must be in 1..256: 100000"};
        for (int i = 0; i < lines.length; i++) {
            Vibe run = Vibe.run(lines[i]);
            assertThat(run.exitCode()).as(String.join(" ", lines[i])).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
            assertThat(run.err()).contains(messages[i]).doesNotContain("OutOfMemoryError");
        }
    }

    @Test
    void finding14ANamedPipeAsInputIsRefusedAtOnce() throws Exception {
        Path fifo = tmp.resolve("fifo.csv");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
            return;
        }
        for (String command : new String[] {"detect", "forecast", "backtest"}) {
            Vibe run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> command.equals("detect")
                    ? Vibe.run("detect", "--input", fifo.toString(), "--output", tmp.resolve("out").toString())
                    : command.equals("forecast")
                    ? Vibe.run("forecast", "--input", fifo.toString(), "--output", tmp.resolve("f.csv").toString(),
                            "--horizon", "2")
                    : Vibe.run("backtest", "--input", fifo.toString(), "--horizon", "2"));
            assertThat(run.exitCode()).as(command).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
            assertThat(run.err()).contains("is not a regular file or a directory (a named pipe");
        }
    }

    @Test
    void finding15SkippedRowsAreReportedPerFileNotSilentlyScoredZero() throws IOException {
        Path in = tmp.resolve("in");
        write("in/newest-first.csv", series(500, true));
        write("in/messy.csv", "timestamp,value\n"
                + "2014-04-01T00:00:00+02:00,1\n"           // 2014-03-31 22:00 UTC
                + "2014-04-01T00:05:00Z,2\n"
                + "2014-04-01T00:05:00Z,3\n"                // duplicate
                + "2014-04-01T01:00:00+09:00,4\n"           // 2014-03-31 16:00 UTC: out of order
                + "2014-04-01T00:10:00Z,NaN\n"              // gap
                + "2014-04-01T00:15:00Z,\n"                 // gap
                + "2014-04-01T00:20:00Z,abc\n");            // bad value

        Vibe run = Vibe.run("detect", "--input", in.toString(), "--output", tmp.resolve("out").toString(),
                "--detector", "ewma");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("newest-first.csv: 499 of 500 rows skipped: 499 out of order (earlier than the"
                + " row before) (first at line 3: '2014-04-01 08:18:00' after 2014-04-01T08:19:00Z); the file seems"
                + " sorted newest first");
        assertThat(run.err()).contains("messy.csv: 2 of 7 rows skipped: 1 out of order (earlier than the row before)"
                + " (first at line 5: '2014-04-01T01:00:00+09:00' after 2014-04-01T00:05:00Z), 1 with a value that is"
                + " not a finite number (first at line 8, column 22: 'abc'); 2 gaps (empty, NaN, null or NA values)"
                + " kept with score 0; 1 duplicate timestamp (first at line 4) kept, the later scored 0");
        assertThat(Files.readAllLines(tmp.resolve("out/messy.csv"))).containsExactly(
                "timestamp,value,anomaly_score",
                "2014-04-01T00:00:00+02:00,1,0.0",
                "2014-04-01T00:05:00Z,2,0.0",
                "2014-04-01T00:05:00Z,3,0.0",
                "2014-04-01T00:10:00Z,NaN,0.0",
                "2014-04-01T00:15:00Z,,0.0");
    }

    @Test
    void finding17ForecastIdsAreQuotedAndNeverFormulas() throws IOException {
        write("in/=HYPERLINK(\"http x\").csv", series(300, false));
        write("in/a,b \"c\".csv", series(300, false));
        write("in/long.csv", "timestamp,server,metric,value\n" + String.join("", java.util.stream.IntStream
                .range(0, 300).mapToObj(i -> String.format("%d,@evil,\"cpu\nusage\",%d%n", 1_400_000_000_000L
                        + i * 60_000L, i % 7)).toList()));
        Path out = tmp.resolve("f.csv");

        Vibe run = Vibe.run("forecast", "--input", tmp.resolve("in").toString(), "--horizon", "2", "--output",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> ids = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(String.join("\n", ids)).contains("\"'=HYPERLINK(\"\"http x\"\")\",")
                .contains("\"a,b \"\"c\"\"\",").contains("\"long:@evil/cpu\nusage\",");
    }

    @Test
    void finding18ABacktestThatDoesNotFitIsAnErrorAndOriginsAreCountedAsRun() throws IOException {
        Path in = write("short.csv", series(40, false));
        Vibe tooShort = Vibe.run("backtest", "--input", in.toString(), "--horizon", "30", "--method", "naive");
        assertThat(tooShort.exitCode()).isEqualTo(VibeCli.EXIT_RUNTIME_ERROR);
        assertThat(tooShort.err()).contains("no series is long enough to backtest --horizon 30: an origin needs 60"
                + " values before it and 30 after, 90 in all; the longest series has 40");
        assertThat(tooShort.out()).doesNotContain("NaN");

        write("more/a.csv", series(100, false));
        write("more/b.csv", series(30, false));
        Vibe partly = Vibe.run("backtest", "--input", tmp.resolve("more").toString(), "--horizon", "10",
                "--origins", "5", "--method", "naive");
        assertThat(partly.exitCode()).as(partly.err()).isZero();
        // a: origins at 90, 80, 70, 60, 50 (each >= 20); b: 20 only.
        assertThat(partly.out()).startsWith("2 series, horizon 10: 6 origin(s) in all (up to 5 per series;"
                + " shorter series have fewer)");
        assertThat(partly.out()).containsPattern("naive +6 ");
    }

    @Test
    void finding19TimesPastWhatAFormatHoldsAreUsageErrorsBeforeAnyFile() {
        Path out = tmp.resolve("o.lp");
        Vibe influx = Vibe.run("simulate", "--format", "influx", "--from", "100000d", "--duration", "1h", "--out",
                out.toString());
        assertThat(influx.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(influx.err()).contains("the window ends after 2262-04-11T23:47:16.854Z, the latest instant the"
                + " influx format can write (nanoseconds since 1970 in a long): --start 2026-01-05T00:00:00Z plus"
                + " --from and --duration, 100000d1h");
        assertThat(out).doesNotExist();
        Vibe json = Vibe.run("simulate", "--start", "9999-12-31T00:00:00Z", "--duration", "2d");
        assertThat(json.exitCode()).isEqualTo(VibeCli.EXIT_USAGE_ERROR);
        assertThat(json.err()).doesNotContain("long overflow").contains("the latest instant the jsonl format");
    }

    @Test
    void finding20ControlCharactersFromFilesAreEscapedInEveryMessage() throws IOException {
        String hostile = "\u001b]0;pwned\u0007\u001b[2J\u202e";
        Path csv = write("in/x.csv", "timestamp,value\n2014-04-01 00:00:00," + hostile + "\n");
        Path header = write("in/y.csv", hostile + "time,value\n1,2\n");
        Path fleet = write("fleet.json", "[{\"hostname\": \"h\", \"environment\": \""
                + "\\u001b]0;pwned\\u0007\\u001b[2J\\u202e\", \"role\": \"web\"}]");

        Vibe detect = Vibe.run("detect", "--input", tmp.resolve("in").toString(), "--output",
                tmp.resolve("out").toString());
        Vibe forecast = Vibe.run("forecast", "--input", header.toString(), "--horizon", "2", "--output",
                tmp.resolve("f.csv").toString());
        Vibe simulate = Vibe.run("simulate", "--fleet", fleet.toString(), "--no-scenarios");

        for (Vibe run : List.of(detect, forecast, simulate)) {
            assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
                    .contains("\\u001b]0;pwned\\u0007");
        }
        assertThat(detect.err()).contains(csv.toString());
    }

    @Test
    void finding20DirectionOverridesInTitlesDoNotReachTheReport() throws IOException {
        // The scenario language refuses these characters raw; its escapes let them through to the title.
        Path scenarios = write("s.scenarios", "scenario s {\n  title \"fine \\u202Edesrever\\u2066 isolate\"\n"
                + "  trigger every 1h probability 1\n  duration 10m\n  at 0s on db-primary-01 set cpu_usage 95\n}\n");
        Path page = tmp.resolve("r.html");
        Vibe run = Vibe.run("report", "--duration", "3h", "--scenarios", scenarios.toString(), "--out",
                page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("fine \uFFFDdesrever\uFFFD isolate").doesNotContain("\u202e")
                .doesNotContain("\u2066");
    }

    @Test
    void finding20InvalidUtf8IsReportedWithTheFileAndLine() throws IOException {
        Path bad = tmp.resolve("latin1.csv");
        Files.write(bad, "timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Vibe run = Vibe.run("forecast", "--input", bad.toString(), "--horizon", "2", "--output",
                tmp.resolve("f.csv").toString());
        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_RUNTIME_ERROR);
        assertThat(run.err()).contains(bad + ":3: is not UTF-8 text");
    }

    @Test
    void finding20AnOutputThatCannotBeWrittenIsNotCalledUnreadable() throws IOException {
        write("in/a.csv", series(100, false));
        Files.createDirectories(tmp.resolve("out/a.csv"));
        Vibe run = Vibe.run("detect", "--input", tmp.resolve("in").toString(), "--output",
                tmp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(VibeCli.EXIT_RUNTIME_ERROR);
        assertThat(run.err()).contains("--output '" + tmp.resolve("out/a.csv") + "' is a directory, not a file")
                .doesNotContain("cannot read");
    }

    @Test
    void finding20EveryCommandReadsTheSameFormats() throws IOException {
        // Epoch milliseconds, a byte-order mark, CRLF, blank lines, NaN and an ISO instant with an offset.
        StringBuilder text = new StringBuilder("\uFEFFtimestamp,value\r\n\r\n");
        for (int i = 0; i < 400; i++) {
            String time = i % 3 == 0 ? Long.toString(1_396_310_400_000L + i * 300_000L)
                    : java.time.Instant.ofEpochMilli(1_396_310_400_000L + i * 300_000L).toString();
            text.append(time).append(',').append(i % 50 == 7 ? "NaN" : Double.toString(5 + Math.sin(i / 12.0)))
                    .append("\r\n").append(i % 100 == 0 ? "\r\n" : "");
        }
        Path data = write("data/cat/s.csv", text.toString());
        Path labels = write("labels.json", "{\"cat/s.csv\": [[\"2014-04-01 10:00:00\", \"2014-04-01 12:00:00\"]]}");

        Vibe detect = Vibe.run("detect", "--input", tmp.resolve("data").toString(), "--output",
                tmp.resolve("results").toString());
        Vibe forecast = Vibe.run("forecast", "--input", data.toString(), "--horizon", "4", "--output",
                tmp.resolve("f.csv").toString());
        Vibe backtest = Vibe.run("backtest", "--input", data.toString(), "--horizon", "4", "--method", "naive");
        Vibe nab = Vibe.run("nab-score", "--data", tmp.resolve("data").toString(), "--labels", labels.toString(),
                "--results", tmp.resolve("results").toString(), "--profile", "standard");

        for (Vibe run : List.of(detect, forecast, backtest, nab)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("8 gaps (empty, NaN, null or NA values)");
        }
        assertThat(Files.readAllLines(tmp.resolve("results/cat/s.csv"))).hasSize(401);
        assertThat(nab.out()).contains("standard");
    }
}
