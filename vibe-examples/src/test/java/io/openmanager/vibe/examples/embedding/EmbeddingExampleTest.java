package io.openmanager.vibe.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class EmbeddingExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE =
            Path.of("src/main/java/io/openmanager/vibe/examples/embedding/EmbeddingExample.java");

    /** The lines of a block without their common indentation. */
    private static List<String> dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            result.add(line.isBlank() ? "" : line.substring(indent));
        }
        return result;
    }

    /** The example's import lines, with the blank lines between their groups, so the snippet is complete. */
    private static List<String> imports(List<String> source) {
        int first = 0;
        while (!source.get(first).startsWith("import ")) {
            first++;
        }
        int last = first;
        for (int i = first; i < source.size() && (source.get(i).startsWith("import ") || source.get(i).isBlank());
                i++) {
            if (!source.get(i).isBlank()) {
                last = i;
            }
        }
        return source.subList(first, last + 1);
    }

    private static List<String> between(List<String> lines, String begin, String end) {
        int from = lines.indexOf(begin);
        assertThat(from).as("line '%s'", begin.strip()).isNotNegative();
        int to = lines.subList(from + 1, lines.size()).indexOf(end) + from + 1;
        assertThat(to).as("line '%s' after '%s'", end.strip(), begin.strip()).isGreaterThan(from);
        return lines.subList(from + 1, to);
    }

    @Test
    void theExampleIsTheReadmeSnippet() throws IOException {
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<String> afterHeading = readme.subList(readme.indexOf("## Using the library"), readme.size());
        List<String> snippet = between(afterHeading, "```java", "```");
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>(imports(source));
        expected.add("");
        expected.addAll(dedent(between(source, "        // README snippet begins", "        // README snippet ends")));

        assertThat(snippet).containsExactlyElementsOf(expected);
    }

    @Test
    void itPrintsEveryAlertOfTheDay() {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        List<String> expected = new ArrayList<>();
        engine.run(0, engine.ticksIn(Duration.ofHours(24)), event -> {
            if (event instanceof AlertRaisedEvent) {
                expected.add(((AlertRaisedEvent) event).alert().message());
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(expected).isNotEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(expected);
    }
}
