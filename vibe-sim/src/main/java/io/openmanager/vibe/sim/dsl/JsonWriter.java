package io.openmanager.vibe.sim.dsl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.openmanager.vibe.sim.internal.JsonStrings;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Step;
import io.openmanager.vibe.sim.scenario.Trigger;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes the JSON twin of the language: the same structure, every field present, two-space indentation, {@code \n}
 * line breaks on every platform. Durations are strings in the language's form ({@code "20m"}), numbers are written
 * as the language writes them.
 */
final class JsonWriter {
    private static final Escapes ESCAPES = new Escapes();
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(ESCAPES).build();

    private JsonWriter() {
    }

    /** Besides JSON's own escapes, format characters (bidirectional controls among them) and line separators. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            int type = Character.getType(c);
            return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || (c >= 0x80 && c <= 0x9F)
                    ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", c)) : null;
        }
    }

    static String write(List<Scenario> scenarios) {
        StringWriter out = new StringWriter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(indenter).withObjectIndenter(indenter);
        try (JsonGenerator json = FACTORY.createGenerator(out).setPrettyPrinter(pretty)) {
            json.writeStartObject();
            json.writeArrayFieldStart("scenarios");
            for (Scenario scenario : scenarios) {
                scenario(json, scenario);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.append('\n').toString();
    }

    private static void scenario(JsonGenerator json, Scenario scenario) throws IOException {
        json.writeStartObject();
        string(json, "name", scenario.name());
        string(json, "title", scenario.title());
        json.writeFieldName("trigger");
        trigger(json, scenario.trigger());
        string(json, "duration", Literals.duration(scenario.duration()));
        string(json, "recovery", Literals.duration(scenario.recovery()));
        string(json, "cooldown", Literals.duration(scenario.cooldown()));
        json.writeArrayFieldStart("steps");
        for (Step step : scenario.steps()) {
            json.writeStartObject();
            string(json, "at", Literals.duration(step.offset()));
            json.writeFieldName("on");
            selector(json, step.selector());
            json.writeFieldName("action");
            action(json, step.action());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void trigger(JsonGenerator json, Trigger trigger) throws IOException {
        json.writeStartObject();
        if (trigger instanceof Trigger.Every) {
            Trigger.Every every = (Trigger.Every) trigger;
            string(json, "type", "every");
            string(json, "period", Literals.duration(every.period()));
            number(json, "probability", every.probability());
        } else if (trigger instanceof Trigger.At) {
            string(json, "type", "at");
            string(json, "instant", ((Trigger.At) trigger).instant().toString());
        } else if (trigger instanceof Trigger.Daily) {
            string(json, "type", "daily");
            string(json, "time", ((Trigger.Daily) trigger).time().toString());
        } else if (trigger instanceof Trigger.After) {
            Trigger.After after = (Trigger.After) trigger;
            string(json, "type", "after");
            string(json, "scenario", after.scenario());
            string(json, "delay", Literals.duration(after.delay()));
        } else {
            string(json, "type", "manual");
        }
        json.writeEndObject();
    }

    private static void selector(JsonGenerator json, Selector selector) throws IOException {
        json.writeStartObject();
        if (selector instanceof Selector.Host) {
            string(json, "type", "host");
            string(json, "hostname", ((Selector.Host) selector).hostname());
        } else if (selector instanceof Selector.ByRole) {
            string(json, "type", "role");
            string(json, "role", ((Selector.ByRole) selector).role().externalName());
        } else if (selector instanceof Selector.ByEnvironment) {
            string(json, "type", "env");
            string(json, "env", ((Selector.ByEnvironment) selector).environment().externalName());
        } else if (selector instanceof Selector.ByLabel) {
            Selector.ByLabel label = (Selector.ByLabel) selector;
            string(json, "type", "label");
            string(json, "key", label.key());
            string(json, "value", label.value());
        } else if (selector instanceof Selector.Percent) {
            Selector.Percent percent = (Selector.Percent) selector;
            string(json, "type", "percent");
            number(json, "percent", percent.percent());
            json.writeFieldName("of");
            selector(json, percent.of());
        } else {
            string(json, "type", "all");
        }
        json.writeEndObject();
    }

    private static void action(JsonGenerator json, Action action) throws IOException {
        json.writeStartObject();
        if (action instanceof Action.Set) {
            string(json, "type", "set");
            string(json, "metric", action.metric());
            number(json, "value", ((Action.Set) action).value());
        } else if (action instanceof Action.Add) {
            string(json, "type", "add");
            string(json, "metric", action.metric());
            number(json, "value", ((Action.Add) action).value());
        } else if (action instanceof Action.Scale) {
            string(json, "type", "scale");
            string(json, "metric", action.metric());
            number(json, "factor", ((Action.Scale) action).factor());
        } else if (action instanceof Action.Ramp) {
            Action.Ramp ramp = (Action.Ramp) action;
            string(json, "type", "ramp");
            string(json, "metric", action.metric());
            number(json, "to", ramp.target());
            string(json, "over", Literals.duration(ramp.over()));
        } else if (action instanceof Action.Leak) {
            Action.Leak leak = (Action.Leak) action;
            string(json, "type", "leak");
            string(json, "metric", action.metric());
            number(json, "amount", leak.amount());
            string(json, "per", Literals.duration(leak.per()));
        } else if (action instanceof Action.Spike) {
            Action.Spike spike = (Action.Spike) action;
            string(json, "type", "spike");
            string(json, "metric", action.metric());
            number(json, "amount", spike.amount());
            string(json, "for", Literals.duration(spike.length()));
        } else {
            string(json, "type", "drop");
            if (!action.metric().isEmpty()) {
                string(json, "metric", action.metric());
            }
        }
        json.writeEndObject();
    }

    /** A string field, lone surrogates escaped (see {@link JsonStrings}). */
    private static void string(JsonGenerator json, String field, String value) throws IOException {
        JsonStrings.writeField(json, field, value, c -> ESCAPES.getEscapeSequence(c) != null);
    }

    private static void number(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(Literals.number(value));
    }
}
