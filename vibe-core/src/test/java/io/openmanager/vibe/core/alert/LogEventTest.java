package io.openmanager.vibe.core.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LogEvent}: a validated, immutable log line. */
class LogEventTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void keepsItsFields() {
        LogEvent event = new LogEvent(AT, "web-server-01", LogLevel.WARN, "nginx", "upstream timed out",
                Map.of("upstream", "10.0.0.7"));

        assertThat(event.timestamp()).isEqualTo(AT);
        assertThat(event.serverId()).isEqualTo("web-server-01");
        assertThat(event.level()).isEqualTo(LogLevel.WARN);
        assertThat(event.source()).isEqualTo("nginx");
        assertThat(event.message()).isEqualTo("upstream timed out");
        assertThat(event.fields()).containsExactly(Map.entry("upstream", "10.0.0.7"));
    }

    @Test
    void anEmptyMessageIsAllowed() {
        assertThat(new LogEvent(AT, "s", LogLevel.INFO, "app", "", Map.of()).message()).isEmpty();
    }

    @Test
    void fieldsAreUnmodifiableAndADefensiveCopy() {
        Map<String, String> fields = new HashMap<>();
        fields.put("pid", "42");
        LogEvent event = new LogEvent(AT, "s", LogLevel.INFO, "app", "started", fields);

        fields.put("pid", "43");
        fields.put("user", "root");

        assertThat(event.fields()).containsExactly(Map.entry("pid", "42"));
        assertThatThrownBy(() -> event.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fieldsIterateInKeyOrder() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user", "root");
        fields.put("pid", "42");
        fields.put("exit_code", "0");

        LogEvent event = new LogEvent(AT, "s", LogLevel.INFO, "app", "stopped", fields);

        assertThat(event.fields().keySet()).containsExactly("exit_code", "pid", "user");
    }

    @Test
    void fieldsAreValidatedNamingTheField() {
        assertThatThrownBy(() -> new LogEvent(null, "s", LogLevel.INFO, "app", "m", Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("timestamp must not be null");
        assertThatThrownBy(() -> new LogEvent(AT, " ", LogLevel.INFO, "app", "m", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("serverId must not be blank: ' '");
        assertThatThrownBy(() -> new LogEvent(AT, "s", null, "app", "m", Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("level must not be null");
        assertThatThrownBy(() -> new LogEvent(AT, "s", LogLevel.INFO, "", "m", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("source must not be blank: ''");
        assertThatThrownBy(() -> new LogEvent(AT, "s", LogLevel.INFO, "app", null, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("message must not be null");
        assertThatThrownBy(() -> new LogEvent(AT, "s", LogLevel.INFO, "app", "m", null))
                .isInstanceOf(NullPointerException.class).hasMessage("fields must not be null");
    }

    @Test
    void fieldKeysMustBeIdentifiersAndValuesNotNull() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("pid", null);

        assertThatThrownBy(() -> new LogEvent(AT, "s", LogLevel.INFO, "app", "m", Map.of("bad key", "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fields key ").hasMessageContaining("'bad key'");
        assertThatThrownBy(() -> new LogEvent(AT, "s", LogLevel.INFO, "app", "m", nullValue))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'pid'");
    }
}
