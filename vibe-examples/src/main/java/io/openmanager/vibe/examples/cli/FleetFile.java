package io.openmanager.vibe.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a fleet from a JSON file: an array of servers, each {@code {"hostname": .., "environment": .., "role": ..,
 * "labels": {..}}} ({@code id} optional, defaulting to the hostname; {@code labels} optional).
 *
 * <p>Every mistake is reported as {@code file:line:column: what is wrong}, pointing at the offending value, so that a
 * user can jump to it: {@code fleet.json:3:15: unknown role 'webb' (expected one of: web, database, ...)}.
 */
final class FleetFile {
    private static final JsonFactory JSON = new JsonFactory();
    /** The largest fleet file read: 256 MB. */
    static final long MAX_BYTES = 256L << 20;
    private static final String FIELDS = "hostname, id, environment, role, labels, index";
    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private final String name;
    private final JsonParser parser;

    private FleetFile(String name, JsonParser parser) {
        this.name = name;
        this.parser = parser;
    }

    /** A mistake in the file; the message starts with {@code file:line:column: }. */
    static final class FleetFileException extends Exception {
        private static final long serialVersionUID = 1L;

        FleetFileException(String message) {
            // Values from the file are quoted: a message must not carry their control characters to a terminal.
            super(TerminalText.line(message));
        }
    }

    /**
     * Reads the fleet in a file.
     *
     * @param file where it is; its name appears in messages as given
     * @throws FleetFileException if the file cannot be read or is not a valid fleet; the message says where and why
     */
    static Fleet read(Path file) throws FleetFileException {
        String named = "fleet file " + TerminalText.quoted(file.toString());
        String text;
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                throw new FleetFileException("cannot read " + named + ": it is not a regular file (a named pipe,"
                        + " device or socket could keep vibe waiting)");
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                throw new FleetFileException("cannot read " + named + ": it has " + Files.size(file)
                        + " bytes, more than " + MAX_BYTES + " (a million servers take about 100 MB)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FleetFileException("cannot read " + named + ": no such file");
        } catch (CharacterCodingException e) {
            throw new FleetFileException("cannot read " + named + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new FleetFileException("cannot read " + named + ": " + OutputFiles.reason(e));
        }
        // A byte-order mark is allowed, as in every other file vibe reads.
        return parse(TerminalText.printable(file.toString()),
                new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    /** Reads a fleet from JSON text; {@code name} stands for the source in messages. */
    static Fleet parse(String name, Reader json) throws FleetFileException {
        try (JsonParser parser = JSON.createParser(json)) {
            return new FleetFile(name, parser).fleet();
        } catch (JsonProcessingException e) {
            // The original message is the description alone; its location becomes our prefix. A location inside
            // the description ("start marker at [Source: ...; line: 1, column: 2]") is shortened to line and column.
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            message = newline < 0 ? message : message.substring(0, newline);
            message = JACKSON_LOCATION.matcher(message).replaceAll("line $1, column $2");
            throw new FleetFileException(at(name, e.getLocation()) + message);
        } catch (IOException e) {
            throw new FleetFileException("cannot read fleet file '" + name + "': " + e.getMessage());
        }
    }

    private Fleet fleet() throws IOException, FleetFileException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            throw error("expected an array of servers, found " + describe(token));
        }
        JsonLocation arrayStart = parser.currentTokenLocation();
        List<Server> servers = new ArrayList<>();
        Map<String, JsonLocation> hostnames = new HashMap<>();
        Map<String, JsonLocation> ids = new HashMap<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw error("expected a server object {" + FIELDS + "}, found " + describe(token));
            }
            servers.add(server(hostnames, ids));
        }
        if (parser.nextToken() != null) {
            throw error("unexpected content after the array of servers");
        }
        if (servers.isEmpty()) {
            throw new FleetFileException(at(name, arrayStart) + "the fleet has no servers");
        }
        return Fleet.of(servers);
    }

    private Server server(Map<String, JsonLocation> hostnames, Map<String, JsonLocation> ids)
            throws IOException, FleetFileException {
        JsonLocation start = parser.currentTokenLocation();
        Map<String, JsonLocation> seen = new HashMap<>();
        String hostname = null;
        String id = null;
        Environment environment = null;
        Role role = null;
        Map<String, String> labels = Map.of();
        JsonLocation hostnameAt = null;
        JsonLocation idAt = null;
        JsonLocation labelsAt = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (seen.putIfAbsent(field, parser.currentTokenLocation()) != null) {
                throw error("'" + field + "' is given twice in this server");
            }
            JsonToken value = parser.nextToken();
            switch (field) {
                case "hostname":
                    hostnameAt = parser.currentTokenLocation();
                    hostname = string(field, value);
                    break;
                case "id":
                    idAt = parser.currentTokenLocation();
                    id = string(field, value);
                    break;
                case "environment":
                    environment = choice(Environment.class, "environment", string(field, value));
                    break;
                case "role":
                    role = choice(Role.class, "role", string(field, value));
                    break;
                case "labels":
                    labelsAt = parser.currentTokenLocation();
                    labels = labels(value);
                    break;
                case "index":
                    // 'vibe fleet --format json' prints each server's index; the array's order is the fleet's.
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw error("'index' must be a whole number, found " + describe(value));
                    }
                    break;
                default:
                    throw new FleetFileException(at(name, seen.get(field)) + "unknown field '" + field
                            + "' (expected one of: " + FIELDS + ")");
            }
        }
        for (String required : List.of("hostname", "environment", "role")) {
            if (!seen.containsKey(required)) {
                throw new FleetFileException(at(name, start) + "this server has no '" + required
                        + "' (every server needs hostname, environment and role)");
            }
        }
        Server server;
        try {
            server = new Server(id != null ? id : hostname, hostname, environment, role, labels);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            JsonLocation where = message.startsWith("hostname") ? hostnameAt
                    : message.startsWith("id") ? idAt : labelsAt != null ? labelsAt : start;
            throw new FleetFileException(at(name, where) + message);
        }
        unique("hostname", server.hostname(), hostnameAt, hostnames);
        unique("id", server.id(), idAt != null ? idAt : hostnameAt, ids);
        return server;
    }

    private void unique(String field, String value, JsonLocation where, Map<String, JsonLocation> seen)
            throws FleetFileException {
        JsonLocation first = seen.putIfAbsent(value, where);
        if (first != null) {
            throw new FleetFileException(at(name, where) + "duplicate " + field + " '" + value + "' (first at line "
                    + first.getLineNr() + ")");
        }
    }

    private Map<String, String> labels(JsonToken token) throws IOException, FleetFileException {
        if (token != JsonToken.START_OBJECT) {
            throw error("'labels' must be an object of strings, found " + describe(token));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                throw error("label '" + key + "' must be a string, found " + describe(value));
            }
            if (labels.putIfAbsent(key, parser.getText()) != null) {
                throw error("label '" + key + "' is given twice");
            }
        }
        return labels;
    }

    private String string(String field, JsonToken token) throws IOException, FleetFileException {
        if (token != JsonToken.VALUE_STRING) {
            throw error("'" + field + "' must be a string, found " + describe(token));
        }
        return parser.getText();
    }

    private <E extends Enum<E>> E choice(Class<E> type, String field, String value) throws FleetFileException {
        List<String> accepted = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String external = constant.name().toLowerCase(Locale.ROOT);
            if (external.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return constant;
            }
            accepted.add(external);
        }
        throw error("unknown " + field + " '" + value + "' (expected one of: " + String.join(", ", accepted) + ")");
    }

    private FleetFileException error(String message) {
        return new FleetFileException(at(name, parser.currentTokenLocation()) + message);
    }

    private static String at(String name, JsonLocation location) {
        return name + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() != null ? "'" + token.asString() + "'" : token.name().toLowerCase(Locale.ROOT);
        }
    }
}
