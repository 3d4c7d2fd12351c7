package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * {@code vibe report}: the page's structure, recommendations (English and Korean) and predictions, escaping,
 * determinism and every usage error.
 */
class ReportCommandTest {
    /** One incident at 00:30 on web-server-01 (response time up, so its dependents' too) with markup in its title. */
    private static final String SCENARIO = "scenario slow-web {\n"
            + "  title \"<script>alert('t&t')</script> \\\"quoted\\\"\"\n"
            + "  trigger at 2026-01-05T00:30:00Z\n"
            + "  duration 10m\n"
            + "  recovery 2m\n"
            + "  at 0s on db-primary-01 set response_time 6000\n"
            + "  at 0s on db-primary-01 set cpu_usage 97\n"
            + "}\n";

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs a 2-hour report of {@link #SCENARIO} with the options into {@code out}; checks that it succeeded. */
    private CliRun slowWebReport(Path out, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("report", "--duration", "2h", "--scenarios",
                write("slow.scenarios", SCENARIO).toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        CliRun run = vibe(args.toArray(new String[0]));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static Document parse(byte[] page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page));
    }

    private static List<String> texts(Document page, String tag) {
        NodeList nodes = page.getElementsByTagNameNS("*", tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void writesAWellFormedSelfContainedPageWithEverySection() throws Exception {
        Path out = tmp.resolve("report.html");

        CliRun run = slowWebReport(out);

        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("vibe report: wrote " + out)
                .contains("1 incidents").contains("5 recommendations");
        byte[] bytes = Files.readAllBytes(out);
        String html = new String(bytes, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        Document page = parse(bytes);
        assertThat(texts(page, "h2")).containsExactly("Fleet", "Incidents", "Recommendations", "Predictions",
                "Detector quality against the ground truth", "Servers");
        // Status timeline, health, anomalies per server, detection delay, quality, and a chart per metric of each
        // server involved (db-primary-01 and the web tier whose latency follows it).
        NodeList svgs = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isGreaterThanOrEqualTo(5 + 6 * 2);
        assertThat(texts(page, "h3")).anyMatch(h -> h.startsWith("db-primary-01"));
        // db-primary-01's response time chart: its incident window shaded, its anomaly marked, a forecast drawn.
        Element chart = svgLabelled(page, "db-primary-01 response_time");
        assertThat(chart.getElementsByTagNameNS("*", "rect")).satisfies(rects -> {
            boolean shaded = false;
            for (int i = 0; i < rects.getLength(); i++) {
                shaded |= ((Element) rects.item(i)).getAttribute("class").equals("window");
            }
            assertThat(shaded).as("incident window shaded").isTrue();
        });
        assertThat(chart.getElementsByTagNameNS("*", "circle").getLength()).as("anomalies marked").isPositive();
        assertThat(chart.getTextContent()).contains("forecast: auto");
        assertThat(chart.getElementsByTagNameNS("*", "path").getLength()).as("bands and lines")
                .isGreaterThanOrEqualTo(5);
        // Self-contained: no script, no link, no image, no reference to anything outside the page.
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
                .doesNotContain("src=").doesNotContain("href").doesNotContain("url(").doesNotContain("@import");
        assertThat(lower.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
        assertThat(html).contains("@media print");
        // The incident row: scenario, origin, a detection, the origin ranked first and the recommender's advice for the
        // incident's servers, the root-cause one among them.
        NodeList rows = page.getElementsByTagNameNS("*", "tr");
        List<String> incidentRows = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            String text = rows.item(i).getTextContent();
            if (text.startsWith("2026-01-05 00:30:00slow-web")) {
                incidentRows.add(text);
            }
        }
        assertThat(incidentRows).singleElement().asString().contains("slow-web").contains("db-primary-01")
                .doesNotContain("missed")
                .contains("CRITICAL Check the slow queries and the connection pool of db-primary-01.")
                .contains("response_time on db-primary-01 is anomalous: 5986 ms at 2026-01-05T00:30:00Z")
                .contains("db-primary-01 is the likeliest root cause of incident@2026-01-05T00:30:00Z")
                .contains("WARNING Check the upstream dependencies and the error logs of web-server-01.");
        NodeList firstRanked = page.getElementsByTagNameNS("*", "li");
        assertThat(((Element) firstRanked.item(0)).getAttribute("class")).isEqualTo("good");
        assertThat(html).contains("Root cause ranked first is the origin in 1 of 1 incidents.");
    }

    @Test
    void listsEveryRecommendationOfTheRunWithTimeServerSeverityActionAndReason() throws Exception {
        Path out = tmp.resolve("report.html");

        slowWebReport(out);

        Document page = parse(Files.readAllBytes(out));
        List<List<String>> rows = tableRows(section(page, "Recommendations"));
        assertThat(rows.get(0)).containsExactly("time", "server", "severity", "action", "reason");
        assertThat(rows.subList(1, rows.size())).hasSize(5).allSatisfy(row -> assertThat(row).hasSize(5))
                .anySatisfy(row -> assertThat(row).containsExactly("2026-01-05 00:30:00", "db-primary-01", "CRITICAL",
                        "Check the slow queries and the connection pool of db-primary-01.",
                        "response_time on db-primary-01 is anomalous: 5986 ms at 2026-01-05T00:30:00Z (score 0.94,"
                                + " detector default)."))
                .anySatisfy(row -> assertThat(row.get(4)).startsWith(
                        "db-primary-01 is the likeliest root cause of incident@2026-01-05T00:30:00Z"));
        assertThat(Files.readString(out)).contains("<th>recommendations</th><td>5</td>");
        assertThat(tableRows(section(page, "Predictions"))).isEmpty();
        assertThat(section(page, "Predictions").getTextContent()).contains("No crossing was predicted in this run.");
    }

    @Test
    void showsEachPredictedSeriesAndWhetherTheRunReachedTheLevel() throws Exception {
        Path scenarios = write("leak.scenarios", "scenario memory-leak-gradual {\n"
                + "  trigger at 2026-01-05T02:00:00Z\n"
                + "  duration 14h\n"
                + "  at 0s on api-gateway-01 leak memory_usage 10 per 1h\n"
                + "}\n");
        Path out = tmp.resolve("leak.html");

        CliRun run = vibe("report", "--duration", "9h", "--scenarios", scenarios.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> rows = tableRows(section(parse(Files.readAllBytes(out)), "Predictions"));
        assertThat(rows.get(0)).containsExactly("server", "metric", "level", "predictions", "first predicted",
                "expected crossing", "level reached");
        // Predicted hours ahead; the simulated memory first reaches 95 % at 07:34:05 (as `vibe demo` says).
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.subList(0, 3)).containsExactly("api-gateway-01", "memory_usage", "95");
            assertThat(row.get(4)).matches("2026-01-05 0\\d:\\d\\d:00");
            assertThat(row.get(5)).matches("2026-01-05 \\d\\d:\\d\\d:\\d\\d \\(in [0-9dhm]+\\)");
            assertThat(row.get(6)).isEqualTo("yes, 2026-01-05 07:34:05");
        });
        assertThat(tableRows(section(parse(Files.readAllBytes(out)), "Recommendations")))
                .anySatisfy(row -> assertThat(row.get(3)).startsWith("Take a heap dump on api-gateway-01"));
    }

    @Test
    void koreanGivesKoreanRecommendationsMarkedAsKorean() throws Exception {
        Path out = tmp.resolve("ko.html");

        slowWebReport(out, "--lang", "ko");

        String html = Files.readString(out);
        assertThat(html).contains("<td class=\"advice\" lang=\"ko\">")
                .contains("db-primary-01의 느린 쿼리와 커넥션 풀을 점검하세요.")
                .contains("db-primary-01이(가) incident@2026-01-05T00:30:00Z의 가장 유력한 근본 원인입니다")
                .doesNotContain("Check the slow queries").doesNotContain("is anomalous");
        Element recommendations = section(parse(Files.readAllBytes(out)), "Recommendations");
        assertThat(((Element) recommendations.getElementsByTagNameNS("*", "tbody").item(0)).getAttribute("lang"))
                .isEqualTo("ko");
        assertThat(tableRows(recommendations)).hasSize(1 + 5);
    }

    private static Element section(Document page, String heading) {
        NodeList sections = page.getElementsByTagNameNS("*", "section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            if (section.getElementsByTagNameNS("*", "h2").item(0).getTextContent().equals(heading)) {
                return section;
            }
        }
        throw new AssertionError("no section '" + heading + "'");
    }

    /** The cells' texts of every row of the first table in an element, the header row first; empty without one. */
    private static List<List<String>> tableRows(Element element) {
        List<List<String>> rows = new ArrayList<>();
        NodeList tables = element.getElementsByTagNameNS("*", "table");
        if (tables.getLength() == 0) {
            return rows;
        }
        NodeList trs = ((Element) tables.item(0)).getElementsByTagNameNS("*", "tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            NodeList children = trs.item(i).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                if (children.item(c) instanceof Element) {
                    cells.add(children.item(c).getTextContent());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Element svgLabelled(Document page, String label) {
        NodeList svgs = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            if (svg.getAttribute("aria-label").equals(label)) {
                return svg;
            }
        }
        throw new AssertionError("no chart labelled '" + label + "'");
    }

    @Test
    void everyTextIsEscaped() throws Exception {
        Path fleet = write("fleet.json", "[{\"hostname\": \"web-server-01\", \"environment\": \"onpremise\","
                + " \"role\": \"web\", \"labels\": {\"team\": \"<script>alert(1)</script>\","
                + " \"owner\": \"a&b\\\"c'd\"}},"
                + " {\"hostname\": \"db-primary-01\", \"environment\": \"onpremise\", \"role\": \"database\"}]");
        Path scenarios = write("slow.scenarios", SCENARIO);
        Path out = tmp.resolve("report.html");

        CliRun run = vibe("report", "--duration", "1h", "--fleet", fleet.toString(), "--scenarios",
                scenarios.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        assertThat(html).contains("team=&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("owner=a&amp;b&quot;c&#39;d")
                .contains("&lt;script&gt;alert(&#39;t&amp;t&#39;)&lt;/script&gt; &quot;quoted&quot;");
        Document page = parse(Files.readAllBytes(out));
        assertThat(texts(page, "h3")).anyMatch(h -> h.contains("team=<script>alert(1)</script>"));
    }

    @Test
    void aHostnameWithMarkupIsRefusedNamingTheField() throws Exception {
        Path fleet = write("fleet.json", "[{\"hostname\": \"<script>x</script>\", \"environment\": \"onpremise\","
                + " \"role\": \"web\"}]");

        CliRun run = vibe("report", "--fleet", fleet.toString(), "--no-scenarios", "--out",
                tmp.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("vibe report: " + fleet + ":1:15: hostname must contain only letters")
                .contains("'<script>x</script>'");
        assertThat(tmp.resolve("r.html")).doesNotExist();
    }

    @Test
    void theSameOptionsGiveTheSameBytes() throws Exception {
        Path scenarios = write("slow.scenarios", SCENARIO);
        Path first = tmp.resolve("a.html");
        Path second = tmp.resolve("b.html");

        assertThat(vibe("report", "--duration", "2h", "--seed", "7", "--scenarios", scenarios.toString(), "--out",
                first.toString()).exitCode()).isZero();
        assertThat(vibe("report", "--duration", "2h", "--seed", "7", "--scenarios", scenarios.toString(), "--out",
                second.toString()).exitCode()).isZero();

        byte[] bytes = Files.readAllBytes(first);
        assertThat(Files.readAllBytes(second)).isEqualTo(bytes);
        // Measured on JDK 17 and JDK 25: the same digest (numbers are printed by integer arithmetic).
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo("c8f0f88bf9983172c07e8defb8239d039bbad57be630a214f5f1ba77d38552c6");
    }

    @Test
    void aQuietRunStillShowsTheFleetAndSaysThereWasNoIncident() throws Exception {
        Path out = tmp.resolve("quiet.html");

        CliRun run = vibe("report", "--duration", "30m", "--no-scenarios", "--width", "100", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("No incident was injected in this run.").contains("0 injected, 0 detected");
        Document page = parse(Files.readAllBytes(out));
        assertThat(page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOptionAndValue() throws Exception {
        String out = tmp.resolve("r.html").toString();
        Path scenarios = write("s.scenarios", SCENARIO);
        assertUsageError(vibe("report"), "missing required option: '--out=<file>'");
        assertUsageError(vibe("report", "--out", out, "--width", "5"), "--width must be in 100..4000: 5");
        assertUsageError(vibe("report", "--out", out, "--lang", "fr"), "--lang must be en or ko: fr");
        assertUsageError(vibe("report", "--out", out, "--duration", "0s"), "--duration must be longer than 0s");
        assertUsageError(vibe("report", "--out", out, "--duration", "1s"),
                "--duration 1s is shorter than one --step of 5s");
        assertUsageError(vibe("report", "--out", out, "--step", "0s"), "--step must be longer than 0s");
        assertUsageError(vibe("report", "--out", out, "--no-scenarios", "--scenarios", scenarios.toString()),
                "--no-scenarios and --scenarios exclude each other");
        assertUsageError(vibe("report", "--out", scenarios.toString(), "--scenarios", scenarios.toString()),
                "--out '" + scenarios + "' is the same file as --scenarios '" + scenarios + "': writing it would"
                        + " destroy what the other holds");
        assertThat(vibe("report", "--out", out, "--duration", "2x").err())
                .startsWith("vibe report: invalid value for --duration: '2x' has the unknown unit 'x'");
        assertThat(tmp.resolve("r.html")).doesNotExist();
    }

    @Test
    void anOutputInAMissingDirectoryIsAUsageErrorNamingTheOptionAndValue() {
        String out = tmp.resolve("no/such/dir/r.html").toString();

        assertUsageError(vibe("report", "--duration", "1m", "--out", out),
                "--out '" + out + "' is in a directory that does not exist: '" + Path.of(out).getParent() + "'");
        assertUsageError(vibe("report", "--duration", "1m", "--out", tmp.toString()),
                "--out '" + tmp + "' is a directory, not a file");
    }

    @Test
    void anExistingOutputIsReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path out = write("r.html", "old page");

        CliRun run = vibe("report", "--duration", "10m", "--no-scenarios", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("vibe report: " + message);
    }
}
