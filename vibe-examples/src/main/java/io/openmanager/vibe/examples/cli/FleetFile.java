package io.openmanager.vibe.examples.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a fleet from JSON in the form {@code vibe fleet --format json} prints: an array of servers, each with
 * {@code hostname}, {@code environment} and {@code role}, optionally {@code id} and {@code labels} ({@code index}
 * is ignored; the array's order is the fleet's).
 */
final class FleetFile {
    private FleetFile() {
    }

    /**
     * Reads the fleet; a file that cannot be used is a usage error naming the file and what is wrong.
     *
     * @throws ParameterException for a missing, malformed or invalid file
     */
    static Fleet read(CommandLine command, Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root == null || !root.isArray()) {
                throw invalid(command, file, "expected a JSON array of servers, as 'vibe fleet --format json'"
                        + " prints");
            }
            List<Server> servers = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                servers.add(server(command, file, i, root.get(i)));
            }
            return Fleet.of(servers);
        } catch (NoSuchFileException e) {
            throw invalid(command, file, "no such file");
        } catch (JacksonException e) {
            throw invalid(command, file, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw invalid(command, file, "cannot read it: " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw invalid(command, file, e.getMessage());
        }
    }

    private static Server server(CommandLine command, Path file, int index, JsonNode node) {
        if (!node.isObject()) {
            throw invalid(command, file, "server " + index + " is not a JSON object");
        }
        try {
            Server.Builder server = Server.builder(text(node, "hostname"))
                    .environment(Environment.parse(text(node, "environment")))
                    .role(Role.parse(text(node, "role")));
            if (node.hasNonNull("id")) {
                server.id(node.get("id").asText());
            }
            JsonNode labels = node.get("labels");
            if (labels != null && labels.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> label = it.next();
                    server.label(label.getKey(), label.getValue().asText());
                }
            }
            return server.build();
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw invalid(command, file, "server " + index + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field \"" + field + "\"");
        }
        return value.asText();
    }

    private static ParameterException invalid(CommandLine command, Path file, String what) {
        return new ParameterException(command, "invalid fleet file '" + file + "': " + what);
    }
}
