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

/** {@code vibe report}: the page's structure, escaping, determinism and every usage error. */
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
        Path scenarios = write("slow.scenarios", SCENARIO);
        Path out = tmp.resolve("report.html");

        CliRun run = vibe("report", "--duration", "2h", "--scenarios", scenarios.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("vibe report: wrote " + out)
                .contains("1 incidents");
        byte[] bytes = Files.readAllBytes(out);
        String html = new String(bytes, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        Document page = parse(bytes);
        assertThat(texts(page, "h2")).containsExactly("Fleet", "Incidents", "Detector quality against the ground truth",
                "Servers");
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
        // The incident row: scenario, origin, a detection and the origin ranked first.
        NodeList rows = page.getElementsByTagNameNS("*", "tr");
        List<String> incidentRows = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            String text = rows.item(i).getTextContent();
            if (text.startsWith("2026-01-05 00:30:00")) {
                incidentRows.add(text);
            }
        }
        assertThat(incidentRows).singleElement().asString().contains("slow-web").contains("db-primary-01")
                .doesNotContain("missed").contains("Investigate db-primary-01 first");
        NodeList firstRanked = page.getElementsByTagNameNS("*", "li");
        assertThat(((Element) firstRanked.item(0)).getAttribute("class")).isEqualTo("good");
        assertThat(html).contains("Root cause ranked first is the origin in 1 of 1 incidents.");
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
                .isEqualTo("6d5b6c5cf8e32cee14b983c48350e264f8d4d04dbc22dfa8c1b94b4ae37c1016");
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
        assertUsageError(vibe("report", "--out", out, "--duration", "0s"), "--duration must be longer than 0s");
        assertUsageError(vibe("report", "--out", out, "--duration", "1s"),
                "--duration 1s is shorter than one --step of 5s");
        assertUsageError(vibe("report", "--out", out, "--step", "0s"), "--step must be longer than 0s");
        assertUsageError(vibe("report", "--out", out, "--no-scenarios", "--scenarios", scenarios.toString()),
                "--no-scenarios and --scenarios exclude each other");
        assertUsageError(vibe("report", "--out", scenarios.toString(), "--scenarios", scenarios.toString()),
                "--scenarios and --out name the same file '" + scenarios + "'");
        assertThat(vibe("report", "--out", out, "--duration", "2x").err())
                .startsWith("vibe report: invalid value for --duration: '2x' has the unknown unit 'x'");
        assertThat(tmp.resolve("r.html")).doesNotExist();
    }

    @Test
    void anUnwritableOutputIsARuntimeError() {
        CliRun run = vibe("report", "--duration", "1m", "--out", tmp.resolve("no/such/dir/r.html").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("vibe report: ").contains("no/such/dir/r.html");
    }

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("vibe report: " + message);
    }
}
