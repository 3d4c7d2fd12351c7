package io.openmanager.vibe.examples.cli;

/**
 * The timestamps the series reader accepts, parsed by hand (no allocation, no exception on bad input) because a
 * large file has tens of millions of them: epoch milliseconds ({@code 1396310400000}), NAB's
 * {@code 2014-04-01 00:00:00} and ISO-8601 ({@code 2014-04-01T00:00:00Z}, {@code ...+09:00}, or without an offset),
 * all UTC unless an offset says otherwise, with an optional fraction of up to millisecond precision (further digits
 * must be zeros: truncating could merge distinct rows).
 */
final class CsvTimestamps {
    /** Returned for text that is not a timestamp (no real timestamp is this far back). */
    static final long INVALID = Long.MIN_VALUE;
    private static final long DAY_MILLIS = 86_400_000L;

    private CsvTimestamps() {
    }

    /** The timestamp in epoch milliseconds, or {@link #INVALID}. */
    static long epochMillis(String text) {
        int n = text.length();
        if (n == 0) {
            return INVALID;
        }
        if (isDigits(text, text.charAt(0) == '-' ? 1 : 0, n) && n <= 19) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException overflow) {
                return INVALID;
            }
        }
        // yyyy-MM-dd[ T]HH:mm:ss
        if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                && text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || !isDigits(text, 0, 4) || !isDigits(text, 5, 7) || !isDigits(text, 8, 10)
                || !isDigits(text, 11, 13) || !isDigits(text, 14, 16) || !isDigits(text, 17, 19)) {
            return INVALID;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return INVALID;
        }
        int i = 19;
        int millis = 0;
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                int digit = text.charAt(i) - '0';
                int place = i - start;
                if (place < 3) {
                    millis = millis * 10 + digit;
                } else if (digit != 0) {
                    return INVALID;
                }
                i++;
            }
            if (i == start || i - start > 9) {
                return INVALID;
            }
            for (int place = i - start; place < 3; place++) {
                millis *= 10;
            }
        }
        long offsetMillis = 0;
        if (i < n) {
            char sign = text.charAt(i);
            if (sign == 'Z' && i + 1 == n) {
                i++;
            } else if ((sign == '+' || sign == '-') && (n - i == 3 || n - i == 5 || n - i == 6)) {
                int hours = isDigits(text, i + 1, i + 3) ? digits(text, i + 1, i + 3) : -1;
                int minutesAt = n - i == 6 ? i + 4 : i + 3;
                if (n - i == 6 && text.charAt(i + 3) != ':') {
                    return INVALID;
                }
                int minutes = n - i == 3 ? 0 : isDigits(text, minutesAt, minutesAt + 2)
                        ? digits(text, minutesAt, minutesAt + 2) : -1;
                if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                    return INVALID;
                }
                offsetMillis = (sign == '+' ? 1 : -1) * (hours * 3_600_000L + minutes * 60_000L);
                i = n;
            } else {
                return INVALID;
            }
        }
        if (i != n) {
            return INVALID;
        }
        return daysFromCivil(year, month, day) * DAY_MILLIS + hour * 3_600_000L + minute * 60_000L + second * 1000L
                + millis - offsetMillis;
    }

    private static boolean isDigits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
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

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
