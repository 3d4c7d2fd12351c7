package io.openmanager.vibe.sim.dsl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON twin into {@link ScenarioDraft}s, with the positions of values for messages.
 *
 * <p>Jackson's streaming parser reads the document into a small located tree first. A JSON syntax error ends the
 * reading of the source (JSON has no sensible recovery point); every problem of a well-formed document is reported.
 */
final class JsonReader {
    private static final List<String> ROOT_FIELDS = List.of("scenarios");
    private static final List<String> SCENARIO_FIELDS = List.of("name", "title", "trigger", "duration", "recovery",
            "cooldown", "steps");
    private static final List<String> STEP_FIELDS = List.of("at", "on", "action");
    private static final List<String> TRIGGERS = List.of("every", "at", "daily", "after", "manual");
    private static final List<String> SELECTORS = List.of("host", "role", "env", "label", "all", "percent");

    private final SourceText source;
    private final Diagnostics diagnostics;
    private final Limits limits;
    private final int maxDepth;
    private final JsonFactory factory;

    /** A JSON value and where it is. */
    private static final class Node {
        final JsonToken type;
        final int start;
        int end;
        String text;
        final List<Field> fields = new ArrayList<>();
        final List<Node> items = new ArrayList<>();

        Node(JsonToken type, int start) {
            this.type = type;
            this.start = start;
        }

        Field field(String name) {
            for (Field field : fields) {
                if (field.name.equals(name)) {
                    return field;
                }
            }
            return null;
        }

        String describe() {
            switch (type) {
                case START_OBJECT:
                    return "an object";
                case START_ARRAY:
                    return "an array";
                case VALUE_STRING:
                    return "the string " + Words.quote(text, '"');
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return "the number " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
                default:
                    return text;
            }
        }
    }

    /** A member of an object. */
    private static final class Field {
        final String name;
        final int start;
        final int end;
        final Node value;

        Field(String name, int start, int end, Node value) {
            this.name = name;
            this.start = start;
            this.end = end;
            this.value = value;
        }
    }

    /** A problem already reported; the value being read is abandoned. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        static final Invalid INSTANCE = new Invalid();

        private Invalid() {
            super("invalid", null, false, false);
        }
    }

    JsonReader(SourceText source, Diagnostics diagnostics, Limits limits, JsonFactory factory) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.limits = limits;
        this.maxDepth = maxDepth(limits);
        this.factory = factory;
    }

    /** Root, scenarios, scenario, steps, step, then one object per level of selector and one more, reported nicely. */
    private static int maxDepth(Limits limits) {
        return 5 + limits.maxSelectorDepth() + 1;
    }

    /** A factory for sources read under these limits; Jackson refuses deeper nesting on its own, as a backstop. */
    static JsonFactory factory(Limits limits) {
        return new JsonFactoryBuilder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth(limits) + 8).maxNumberLength(Literals.MAX_LITERAL_LENGTH + 1).build())
                .build();
    }

    List<ScenarioDraft> read() {
        Node root;
        try (JsonParser parser = factory.createParser(source.text)) {
            if (parser.nextToken() == null) {
                diagnostics.error(source, 0, 0, "expected a JSON object {\"scenarios\": [...]}, found end of file", "");
                return List.of();
            }
            root = node(parser, 1);
            if (parser.nextToken() != null) {
                int at = offset(parser.currentTokenLocation());
                diagnostics.error(source, at, at + 1, "unexpected content after the end of the JSON document", "");
                return List.of();
            }
        } catch (JsonProcessingException e) {
            int at = offset(e.getLocation());
            diagnostics.error(source, at, at + 1, "invalid JSON: " + jacksonMessage(e), "");
            return List.of();
        } catch (IOException e) {
            diagnostics.error(source, 0, 0, "cannot read JSON: " + e.getMessage(), "");
            return List.of();
        }
        List<ScenarioDraft> drafts = new ArrayList<>();
        if (root == null) {
            return drafts;
        }
        if (root.type != JsonToken.START_OBJECT) {
            diagnostics.error(source, root.start, root.end, "expected a JSON object {\"scenarios\": [...]}, found "
                    + root.describe(), root.type == JsonToken.START_ARRAY ? "wrap the array: {\"scenarios\": [...]}"
                    : "");
            return drafts;
        }
        fields(root, ROOT_FIELDS);
        Field scenarios = root.field("scenarios");
        if (scenarios == null) {
            diagnostics.error(source, root.start, root.start + 1, "missing field \"scenarios\"",
                    "for example {\"scenarios\": []}");
            return drafts;
        }
        if (scenarios.value.type != JsonToken.START_ARRAY) {
            diagnostics.error(source, scenarios.value.start, scenarios.value.end, "expected an array for"
                    + " \"scenarios\", found " + scenarios.value.describe(), "");
            return drafts;
        }
        for (Node item : scenarios.value.items) {
            if (drafts.size() == limits.maxScenarios()) {
                diagnostics.error(source, item.start, item.start + 1, "too many scenarios: at most "
                        + limits.maxScenarios() + " in one source", "split the file, or raise the parser's maxScenarios");
                break;
            }
            ScenarioDraft draft = new ScenarioDraft(source, item.start);
            drafts.add(draft);
            scenario(item, draft);
        }
        return drafts;
    }

    /** Jackson's message without its location (ours is better) and with a lower-case start, like ours. */
    private static String jacksonMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        for (String cut : new String[] {"\n", " (for ", " at [Source", "[Source"}) {
            int at = message.indexOf(cut);
            if (at > 0) {
                message = message.substring(0, at);
            }
        }
        message = message.strip();
        return message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1))
                ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    private Node node(JsonParser parser, int depth) throws IOException {
        JsonToken type = parser.currentToken();
        Node node = new Node(type, offset(parser.currentTokenLocation()));
        if (type == JsonToken.START_OBJECT || type == JsonToken.START_ARRAY) {
            if (depth > maxDepth) {
                diagnostics.error(source, node.start, node.start + 1, "JSON nests too deeply: at most " + maxDepth
                        + " levels", "");
                parser.skipChildren();
                return null;
            }
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_OBJECT && next != JsonToken.END_ARRAY) {
                if (next == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int start = offset(parser.currentTokenLocation());
                    int end = offset(parser.currentLocation());
                    parser.nextToken();
                    Node value = node(parser, depth + 1);
                    if (value == null) {
                        return null;
                    }
                    node.fields.add(new Field(name, start, end, value));
                } else {
                    Node item = node(parser, depth + 1);
                    if (item == null) {
                        return null;
                    }
                    node.items.add(item);
                }
            }
        } else {
            node.text = parser.getText();
        }
        node.end = Math.max(node.start, offset(parser.currentLocation()));
        return node;
    }

    private int offset(JsonLocation location) {
        if (location == null) {
            return 0;
        }
        long offset = location.getCharOffset();
        if (offset < 0 && location.getLineNr() > 0) {
            int line = Math.min(location.getLineNr(), source.lineCount()) - 1;
            offset = (long) source.lineStart(line) + Math.max(0, location.getColumnNr() - 1);
        }
        return (int) Math.max(0, Math.min(offset, source.length()));
    }

    /** Reports unknown and repeated fields; the first of a repeated field counts. */
    private void fields(Node object, List<String> known) {
        List<String> seen = new ArrayList<>();
        for (Field field : object.fields) {
            if (!known.contains(field.name)) {
                String hint = diagnostics.words.didYouMean(field.name, known);
                diagnostics.error(source, field.start, field.end, "unknown field " + Words.quote(field.name, '"'),
                        hint.isEmpty() ? "fields here: " + String.join(", ", known) : hint);
            } else if (seen.contains(field.name)) {
                diagnostics.error(source, field.start, field.end, "duplicate field " + Words.quote(field.name, '"'),
                        "keep one");
            } else {
                seen.add(field.name);
            }
        }
    }

    private void scenario(Node object, ScenarioDraft draft) {
        if (object.type != JsonToken.START_OBJECT) {
            diagnostics.error(source, object.start, object.end, "expected a scenario object, found "
                    + object.describe(), "");
            draft.broken = true;
            return;
        }
        fields(object, SCENARIO_FIELDS);
        try {
            Field name = required(object, "name", "scenario");
            draft.name = string(name);
            draft.nameStart = name.value.start;
            draft.nameEnd = name.value.end;
        } catch (Invalid e) {
            draft.broken = true;
        }
        try {
            Field title = object.field("title");
            if (title != null) {
                draft.title = string(title);
            }
        } catch (Invalid e) {
            draft.broken = true;
        }
        try {
            Field trigger = object.field("trigger");
            if (trigger != null) {
                draft.trigger = trigger(trigger, draft);
            }
        } catch (Invalid e) {
            draft.broken = true;
        }
        try {
            draft.duration = optionalDuration(object, "duration", true);
        } catch (Invalid e) {
            draft.broken = true;
        }
        try {
            draft.recovery = optionalDuration(object, "recovery", false);
        } catch (Invalid e) {
            draft.broken = true;
        }
        try {
            draft.cooldown = optionalDuration(object, "cooldown", false);
        } catch (Invalid e) {
            draft.broken = true;
        }
        Field steps;
        try {
            steps = required(object, "steps", "scenario");
            if (steps.value.type != JsonToken.START_ARRAY) {
                throw wrongType(steps, "an array");
            }
        } catch (Invalid e) {
            draft.broken = true;
            return;
        }
        for (Node item : steps.value.items) {
            if (draft.steps.size() == limits.maxSteps()) {
                diagnostics.error(source, item.start, item.start + 1, "too many steps in scenario "
                        + draft.displayName() + ": at most " + limits.maxSteps(),
                        "raise the parser's maxStepsPerScenario");
                break;
            }
            try {
                draft.steps.add(step(item));
            } catch (Invalid e) {
                draft.broken = true;
            }
        }
    }

    private Trigger trigger(Field field, ScenarioDraft draft) throws Invalid {
        Node object = object(field);
        String type = type(object, TRIGGERS, "trigger");
        switch (type) {
            case "every": {
                fields(object, List.of("type", "period", "probability"));
                Duration period = duration(required(object, "period", "'every' trigger"), true);
                double probability = 1;
                Field p = object.field("probability");
                if (p != null) {
                    probability = number(p, "a probability from 0 to 1");
                    if (!(probability >= 0 && probability <= 1)) {
                        throw invalid(p.value, "probability must be from 0 to 1, found " + p.value.text, "");
                    }
                }
                return Trigger.every(period, probability);
            }
            case "at": {
                fields(object, List.of("type", "instant"));
                Field instant = required(object, "instant", "'at' trigger");
                try {
                    return Trigger.at(DateTimeFormatter.ISO_INSTANT.parse(string(instant), Instant::from));
                } catch (DateTimeException | ArithmeticException e) {
                    throw invalid(instant.value, "expected an ISO-8601 instant such as \"2026-01-05T03:00:00Z\","
                            + " found " + instant.value.describe(), "");
                }
            }
            case "daily": {
                fields(object, List.of("type", "time"));
                Field time = required(object, "time", "'daily' trigger");
                try {
                    return Trigger.daily(LocalTime.parse(string(time), DateTimeFormatter.ISO_LOCAL_TIME));
                } catch (DateTimeException e) {
                    throw invalid(time.value, "expected a time of day \"HH:MM\" (24-hour), found "
                            + time.value.describe(), "");
                }
            }
            case "after": {
                fields(object, List.of("type", "scenario", "delay"));
                Field leader = required(object, "scenario", "'after' trigger");
                String name = string(leader);
                Field delay = object.field("delay");
                Trigger trigger = Trigger.after(name, delay == null ? Duration.ZERO : duration(delay, false));
                draft.afterName = name;
                draft.afterStart = leader.value.start;
                draft.afterEnd = leader.value.end;
                return trigger;
            }
            default:
                fields(object, List.of("type"));
                return Trigger.manual();
        }
    }

    private ScenarioDraft.Step step(Node object) throws Invalid {
        if (object.type != JsonToken.START_OBJECT) {
            throw invalid(object, "expected a step object {\"at\": ..., \"on\": ..., \"action\": ...}, found "
                    + object.describe(), "");
        }
        fields(object, STEP_FIELDS);
        // Each part on its own, so that one bad part does not hide the problems of the others.
        boolean valid = true;
        ScenarioDraft.Step step;
        try {
            Field at = required(object, "at", "step");
            step = new ScenarioDraft.Step(duration(at, false), at.value.start, at.value.end);
        } catch (Invalid e) {
            valid = false;
            step = new ScenarioDraft.Step(Duration.ZERO, object.start, object.start);
        }
        try {
            step.selector = selector(required(object, "on", "step"), step, 1);
        } catch (Invalid e) {
            valid = false;
        }
        try {
            step.action = action(required(object, "action", "step"), step);
        } catch (Invalid e) {
            valid = false;
        }
        if (!valid) {
            throw Invalid.INSTANCE;
        }
        return step;
    }

    private Selector selector(Field field, ScenarioDraft.Step step, int depth) throws Invalid {
        Node object = object(field);
        if (depth > limits.maxSelectorDepth()) {
            throw invalid(object, "selector nests too deeply: at most " + limits.maxSelectorDepth() + " levels", "");
        }
        String type = type(object, SELECTORS, "selector");
        Selector selector;
        Node at = object;
        switch (type) {
            case "host":
                fields(object, List.of("type", "hostname"));
                Field hostname = required(object, "hostname", "'host' selector");
                selector = Selector.host(string(hostname));
                at = hostname.value;
                break;
            case "role": {
                fields(object, List.of("type", "role"));
                Field role = required(object, "role", "'role' selector");
                selector = Selector.role(constant(role, Role.values(), "role"));
                at = role.value;
                break;
            }
            case "env": {
                fields(object, List.of("type", "env"));
                Field env = required(object, "env", "'env' selector");
                selector = Selector.environment(constant(env, Environment.values(), "environment"));
                at = env.value;
                break;
            }
            case "label":
                fields(object, List.of("type", "key", "value"));
                selector = Selector.label(string(required(object, "key", "'label' selector")),
                        string(required(object, "value", "'label' selector")));
                break;
            case "percent": {
                fields(object, List.of("type", "percent", "of"));
                Field percent = required(object, "percent", "'percent' selector");
                double value = number(percent, "a percentage");
                if (!(value > 0 && value <= 100)) {
                    throw invalid(percent.value, "percentage must be more than 0 and at most 100, found "
                            + percent.value.text, "");
                }
                return Selector.percent(value, selector(required(object, "of", "'percent' selector"), step,
                        depth + 1));
            }
            default:
                fields(object, List.of("type"));
                return Selector.all();
        }
        step.parts.add(new ScenarioDraft.Part(selector, at.start, at.end));
        return selector;
    }

    private <E extends Enum<E>> E constant(Field field, E[] constants, String what) throws Invalid {
        String name = string(field);
        List<String> names = new ArrayList<>();
        for (E constant : constants) {
            String externalName = constant.name().toLowerCase(java.util.Locale.ROOT);
            if (externalName.equals(name)) {
                return constant;
            }
            names.add(externalName);
        }
        String hint = diagnostics.words.didYouMean(name, names);
        throw invalid(field.value, "unknown " + what + " " + Words.quote(name), hint.isEmpty() ? what + "s are "
                + String.join(", ", names) : hint);
    }

    private Action action(Field field, ScenarioDraft.Step step) throws Invalid {
        Node object = object(field);
        String type = type(object, DslParser.ACTIONS, "action");
        List<String> known;
        switch (type) {
            case "set":
            case "add":
                known = List.of("type", "metric", "value");
                break;
            case "scale":
                known = List.of("type", "metric", "factor");
                break;
            case "ramp":
                known = List.of("type", "metric", "to", "over");
                break;
            case "leak":
                known = List.of("type", "metric", "amount", "per");
                break;
            case "spike":
                known = List.of("type", "metric", "amount", "for");
                break;
            default:
                known = List.of("type", "metric");
        }
        fields(object, known);
        Field metricField = type.equals("drop") ? object.field("metric")
                : required(object, "metric", "'" + type + "' action");
        String metric = "";
        if (metricField != null) {
            metric = string(metricField);
            if (metric.isBlank()) {
                throw invalid(metricField.value, "expected a metric name, found " + metricField.value.describe(), "");
            }
            step.metricStart = metricField.value.start;
            step.metricEnd = metricField.value.end;
        }
        String what = "'" + type + "' action";
        try {
            switch (type) {
                case "set":
                    return Action.set(metric, number(required(object, "value", what), "a value"));
                case "add":
                    return Action.add(metric, number(required(object, "value", what), "a value"));
                case "scale": {
                    Field factor = required(object, "factor", what);
                    double value = number(factor, "a factor");
                    if (value < 0) {
                        throw invalid(factor.value, "a scale factor cannot be negative, found " + factor.value.text,
                                "to lower a metric, use an 'add' action or a factor between 0 and 1");
                    }
                    return Action.scale(metric, value);
                }
                case "ramp":
                    return Action.ramp(metric, number(required(object, "to", what), "a target value"),
                            duration(required(object, "over", what), true));
                case "leak":
                    return Action.leak(metric, number(required(object, "amount", what), "an amount"),
                            duration(required(object, "per", what), true));
                case "spike":
                    return Action.spike(metric, number(required(object, "amount", what), "an amount"),
                            duration(required(object, "for", what), true));
                default:
                    return Action.drop(metric);
            }
        } catch (IllegalArgumentException e) {
            throw invalid(object, e.getMessage(), "");
        }
    }

    private Node object(Field field) throws Invalid {
        if (field.value.type != JsonToken.START_OBJECT) {
            throw wrongType(field, "an object");
        }
        return field.value;
    }

    private String type(Node object, List<String> types, String what) throws Invalid {
        Field type = object.field("type");
        if (type == null) {
            throw invalid(object, "missing field \"type\" of the " + what, "types: " + String.join(", ", types));
        }
        String name = string(type);
        if (!types.contains(name)) {
            String hint = diagnostics.words.didYouMean(name, types);
            throw invalid(type.value, "unknown " + what + " type " + Words.quote(name, '"'),
                    hint.isEmpty() ? "types: " + String.join(", ", types) : hint);
        }
        return name;
    }

    private Field required(Node object, String name, String of) throws Invalid {
        Field field = object.field(name);
        if (field == null) {
            throw invalid(object, "missing field \"" + name + "\" of the " + of, "");
        }
        return field;
    }

    private String string(Field field) throws Invalid {
        if (field.value.type != JsonToken.VALUE_STRING) {
            throw wrongType(field, "a string");
        }
        return field.value.text;
    }

    private double number(Field field, String what) throws Invalid {
        Node value = field.value;
        if (value.type != JsonToken.VALUE_NUMBER_INT && value.type != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType(field, what + " (a number)");
        }
        try {
            return Literals.number(value.text, what);
        } catch (Literals.Bad bad) {
            throw invalid(value, bad.getMessage(), bad.hint);
        }
    }

    private Duration optionalDuration(Node object, String name, boolean positive) throws Invalid {
        Field field = object.field(name);
        return field == null ? null : duration(field, positive);
    }

    private Duration duration(Field field, boolean positive) throws Invalid {
        String text = string(field);
        Node value = field.value;
        try {
            Duration duration = Literals.duration(text);
            if (positive && duration.isZero()) {
                throw invalid(value, "\"" + field.name + "\" must be longer than 0, found \"" + text + "\"", "");
            }
            return duration;
        } catch (Literals.Bad bad) {
            // Inside the quotes; exact unless the string holds escapes.
            int start = Math.min(value.start + 1 + bad.from, value.end);
            diagnostics.error(source, start, Math.min(value.start + 1 + bad.to, value.end), bad.getMessage(),
                    bad.hint);
            throw Invalid.INSTANCE;
        }
    }

    private Invalid wrongType(Field field, String expected) {
        return invalid(field.value, "expected " + expected + " for \"" + field.name + "\", found "
                + field.value.describe(), "");
    }

    private Invalid invalid(Node node, String message, String hint) {
        diagnostics.error(source, node.start, node.type == JsonToken.START_OBJECT
                || node.type == JsonToken.START_ARRAY ? node.start + 1 : node.end, message, hint);
        return Invalid.INSTANCE;
    }
}
