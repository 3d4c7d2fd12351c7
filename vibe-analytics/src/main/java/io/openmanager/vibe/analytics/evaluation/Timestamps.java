package io.openmanager.vibe.analytics.evaluation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Timestamps as NAB writes them ({@code 2014-04-10 07:15:00}, optionally with a fraction as in its window labels,
 * read as UTC) or as ISO-8601 instants with an offset ({@code 2014-04-10T07:15:00Z}). Stored as epoch milliseconds.
 */
final class Timestamps {
    private static final DateTimeFormatter NAB = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {
    }

    /**
     * Parses one timestamp.
     *
     * @throws DateTimeParseException if the text is neither form, or is finer than a millisecond
     */
    static long parseEpochMillis(String text) {
        if (isPlainNabTimestamp(text)) {
            // The shape of every NAB row; parsed by hand because the formatter dominated corpus loading.
            try {
                return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19))
                        .toEpochSecond(ZoneOffset.UTC) * 1000L;
            } catch (DateTimeException e) {
                throw new DateTimeParseException(e.getMessage(), text, 0, e);
            }
        }
        Instant instant;
        if (text.indexOf('T') >= 0) {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } else {
            instant = LocalDateTime.parse(text, NAB).toInstant(ZoneOffset.UTC);
        }
        if (instant.getNano() % 1_000_000 != 0) {
            // Truncating could merge distinct rows or move a window edge; refuse rather than guess.
            throw new DateTimeParseException("timestamps finer than a millisecond are not supported", text, 0);
        }
        return instant.toEpochMilli();
    }

    /** {@code dddd-dd-dd dd:dd:dd}. */
    private static boolean isPlainNabTimestamp(String text) {
        if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != 4 && i != 7 && i != 10 && i != 13 && i != 16) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    static String describe(String text) {
        return "'" + text + "' is not a timestamp (expected 'yyyy-MM-dd HH:mm:ss' in UTC or an ISO-8601 instant"
                + " such as '2014-04-10T07:15:00Z')";
    }
}
