package io.openmanager.vibe.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code vibe fleet}: prints the servers of the default fleet, as a table or as JSON. */
@Command(name = "fleet",
        description = "Prints the 20 servers of the default fleet: index, hostname, environment, role and labels.")
final class FleetCommand implements Callable<Integer> {
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Override
    public Integer call() throws JsonProcessingException {
        Fleet fleet = Fleet.defaultFleet();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TABLE -> printTable(fleet, out);
            case JSON -> printJson(fleet, out);
            default -> throw new IllegalStateException("unhandled format " + format);
        }
        return VibeCli.EXIT_OK;
    }

    private static void printTable(Fleet fleet, PrintWriter out) {
        TextTable table = new TextTable("INDEX", "SERVER", "ENVIRONMENT", "ROLE", "LABELS");
        for (int i = 0; i < fleet.size(); i++) {
            Server server = fleet.get(i);
            table.addRow(i, server.hostname(), server.environment().externalName(), server.role().externalName(),
                    labelsText(server));
        }
        table.print(out);
    }

    private static String labelsText(Server server) {
        if (server.labels().isEmpty()) {
            return "-";
        }
        StringJoiner text = new StringJoiner(",");
        for (Map.Entry<String, String> label : sortedLabels(server).entrySet()) {
            text.add(label.getKey() + "=" + label.getValue());
        }
        return text.toString();
    }

    // Built node by node rather than by binding a class, so the field order is visibly the one written here.
    private static void printJson(Fleet fleet, PrintWriter out) throws JsonProcessingException {
        ArrayNode servers = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < fleet.size(); i++) {
            Server server = fleet.get(i);
            ObjectNode node = servers.addObject();
            node.put("index", i);
            node.put("id", server.id());
            node.put("hostname", server.hostname());
            node.put("environment", server.environment().externalName());
            node.put("role", server.role().externalName());
            ObjectNode labels = node.putObject("labels");
            sortedLabels(server).forEach(labels::put);
        }
        out.println(JSON.writeValueAsString(servers));
    }

    // Server.labels() promises no iteration order; sorting keeps the output the same from run to run.
    private static Map<String, String> sortedLabels(Server server) {
        return new TreeMap<>(server.labels());
    }
}
