package io.openmanager.vibe.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The English and Korean catalogues hold the same keys; the Korean one is UTF-8 Hangul, not escapes or mojibake. */
class MessageCatalogueTest {
    private static Properties load(String path) throws IOException {
        try (InputStream in = MessageCatalogueTest.class.getModule().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"io/openmanager/vibe/analytics/recommend/messages",
            "io/openmanager/vibe/analytics/health/messages"})
    void englishAndKoreanHaveTheSameKeys(String base) throws IOException {
        Properties english = load(base + ".properties");
        Properties korean = load(base + "_ko.properties");
        assertThat(english).isNotEmpty();
        assertThat(korean.keySet()).isEqualTo(english.keySet());
        assertThat(load(base + "_en.properties")).isEmpty();
        for (String key : korean.stringPropertyNames()) {
            String text = korean.getProperty(key);
            if (key.startsWith("action.") || key.startsWith("evidence.")) {
                assertThat(text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3)).as(key).isTrue();
            }
            assertThat(text).as(key).doesNotContain("\uFFFD");
        }
        for (Rule rule : Rule.values()) {
            if (base.endsWith("recommend/messages")) {
                assertThat(english).containsKey("action." + rule.name());
            }
        }
    }
}
