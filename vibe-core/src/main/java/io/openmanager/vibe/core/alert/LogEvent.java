package io.openmanager.vibe.core.alert;

import io.openmanager.vibe.core.internal.Checks;

import java.time.Instant;
import java.util.Map;

/**
 * One log line of a server; immutable.
 *
 * @param timestamp when it was written
 * @param serverId  id of the server
 * @param level     its level
 * @param source    the component that wrote it, for example {@code nginx} or {@code postgres}
 * @param message   the text
 * @param fields    structured fields; unmodifiable
 */
public record LogEvent(Instant timestamp, String serverId, LogLevel level, String source, String message,
                       Map<String, String> fields) {

    /** Validates the fields; the message names the field and the value. */
    public LogEvent {
        Checks.notNull("timestamp", timestamp);
        Checks.notBlank("serverId", serverId);
        Checks.notNull("level", level);
        Checks.notBlank("source", source);
        Checks.notNull("message", message);
        fields = Checks.labels("fields", fields);
    }
}
