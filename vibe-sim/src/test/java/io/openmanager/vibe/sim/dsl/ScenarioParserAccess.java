package io.openmanager.vibe.sim.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks several named texts together through the public file API, in a temporary directory. */
final class ScenarioParserAccess {
    private final ScenarioParser parser;

    ScenarioParserAccess(ScenarioParser parser) {
        this.parser = parser;
    }

    /** Alternating names and texts. */
    ParseResult checkAll(String... namesAndTexts) {
        try {
            Path dir = Files.createTempDirectory("scenarios");
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                Path file = dir.resolve(namesAndTexts[i]);
                Files.writeString(file, namesAndTexts[i + 1], StandardCharsets.UTF_8);
                files.add(file);
            }
            ParseResult result = parser.check(files);
            List<Problem> renamed = new ArrayList<>();
            for (Problem p : result.problems()) {
                renamed.add(new Problem(Path.of(p.source()).getFileName().toString(), p.line(), p.column(),
                        p.severity(), p.message().replace(dir + "/", ""), p.hint().replace(dir + "/", ""),
                        p.sourceLine(), p.caretLine()));
            }
            return new ParseResult(result.scenarios(), renamed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
