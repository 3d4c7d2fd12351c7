package io.openmanager.vibe.analytics.hostile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.analytics.evaluation.CostProfile;
import io.openmanager.vibe.analytics.evaluation.MalformedDataException;
import io.openmanager.vibe.analytics.evaluation.NabCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Issue 17, finding 19 (first part): a key given twice in NAB's JSON files used to drop the first one's content. */
class NabLabelsHostileTest {

    @Test
    void aFileNamedTwiceInTheWindowsFileIsRefusedWithItsLine(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("data/cat"));
        Files.createDirectories(root.resolve("labels"));
        Files.writeString(root.resolve("data/cat/a.csv"), "timestamp,value\n2014-04-01 00:00:00,1\n"
                + "2014-04-01 00:05:00,2\n2014-04-01 00:10:00,3\n");
        Files.writeString(root.resolve("labels/combined_windows.json"), "{\n"
                + "  \"cat/a.csv\": [[\"2014-04-01 00:00:00\", \"2014-04-01 00:05:00\"]],\n"
                + "  \"cat/a.csv\": []\n}\n");
        assertThatThrownBy(() -> NabCorpus.load(root)).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("combined_windows.json:3: not valid JSON: Duplicate field 'cat/a.csv'");
    }

    @Test
    void aProfileNamedTwiceIsRefused(@TempDir Path dir) throws IOException {
        Path profiles = dir.resolve("profiles.json");
        Files.writeString(profiles, "{\"standard\": {\"CostMatrix\": {\"tpWeight\": 1.0, \"fnWeight\": 1.0,"
                + " \"fpWeight\": 0.11, \"tnWeight\": 1.0}},\n \"standard\": {}}\n");
        assertThatThrownBy(() -> CostProfile.load(profiles)).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("profiles.json:2: not valid JSON: Duplicate field 'standard'");
    }
}
