package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.openmanager.vibe.core.Fleet;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the fleet file reader ({@link FleetFile}) with Jazzer. The invariants, whatever the bytes: only
 * {@link FleetFile.FleetFileException} escapes, with a printable message that starts with the file's name and a line
 * and column ({@code fuzz.json:3:15: ...}); a fleet that reads has servers with distinct hostnames and ids.
 *
 * <p>A normal build replays the inputs under {@code src/test/resources/io/openmanager/vibe/examples/cli/
 * FleetFileFuzzTestInputs/anyBytes/}. To fuzz for real (5 minutes):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl vibe-examples -am test -Dtest='FleetFileFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class FleetFileFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "fleet.dict")
    void anyBytes(byte[] input) {
        Fleet fleet;
        try {
            fleet = FleetFile.parse("fuzz.json", new StringReader(new String(input, StandardCharsets.UTF_8)));
        } catch (FleetFile.FleetFileException e) {
            assertThat(e.getMessage()).matches("(?s)fuzz\\.json:\\d+:\\d+: .+");
            SeriesCsvFuzzTest.assertPrintable(e.getMessage());
            return;
        }
        assertThat(fleet.size()).isPositive();
        assertThat(fleet.servers().stream().map(s -> s.hostname()).distinct().count()).isEqualTo(fleet.size());
        assertThat(fleet.servers().stream().map(s -> s.id()).distinct().count()).isEqualTo(fleet.size());
    }
}
