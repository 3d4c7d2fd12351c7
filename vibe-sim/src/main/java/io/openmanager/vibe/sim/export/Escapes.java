package io.openmanager.vibe.sim.export;

/** The escaping rules of the text formats, one method per rule, appending to a reusable builder. */
final class Escapes {
    private Escapes() {
    }

    /**
     * A CSV field per RFC 4180: as is, or, if it holds a comma, a double quote, CR or LF, in double quotes with each
     * double quote doubled.
     */
    static void csvField(StringBuilder out, String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /**
     * An Influx line-protocol tag key, tag value or field key: comma, equals sign and space preceded by a backslash.
     *
     * @throws IllegalArgumentException for a line break, which line protocol cannot carry in a tag or key
     */
    static void influxKey(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("Influx line protocol cannot carry a line break in a tag or key: '"
                        + text.replace("\n", "\\n").replace("\r", "\\r") + "'");
            }
            if (c == ',' || c == '=' || c == ' ') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** An OpenMetrics label value or HELP text: backslash, double quote and line feed escaped with a backslash. */
    static void openMetricsString(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '"':
                    out.append("\\\"");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                default:
                    out.append(c);
            }
        }
    }

    /**
     * An OpenMetrics metric name: every character outside {@code [a-zA-Z0-9_:]} becomes {@code _} (OpenTelemetry's
     * dots too), and a leading digit gets a {@code _} in front.
     */
    static String openMetricsName(String name) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
            boolean digit = c >= '0' && c <= '9';
            if (i == 0 && digit) {
                out.append('_');
            }
            out.append(letter || digit ? c : '_');
        }
        return out.toString();
    }
}
