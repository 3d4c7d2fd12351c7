package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Step;
import io.openmanager.vibe.sim.scenario.Trigger;

import java.util.List;
import java.util.Locale;

/**
 * Writes the canonical text form: two-space indentation, one clause per line in the order title, trigger, duration,
 * recovery, cooldown, steps; the title only when it differs from the name, recovery and cooldown only when not zero;
 * a blank line between scenarios.
 */
final class DslWriter {
    private DslWriter() {
    }

    static String write(List<Scenario> scenarios) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < scenarios.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            scenario(out, scenarios.get(i));
        }
        return out.toString();
    }

    private static void scenario(StringBuilder out, Scenario scenario) {
        out.append("scenario ").append(scenario.name()).append(" {\n");
        if (!scenario.title().equals(scenario.name())) {
            out.append("  title ").append(string(scenario.title())).append('\n');
        }
        out.append("  trigger ").append(trigger(scenario.trigger())).append('\n');
        out.append("  duration ").append(Literals.duration(scenario.duration())).append('\n');
        if (!scenario.recovery().isZero()) {
            out.append("  recovery ").append(Literals.duration(scenario.recovery())).append('\n');
        }
        if (!scenario.cooldown().isZero()) {
            out.append("  cooldown ").append(Literals.duration(scenario.cooldown())).append('\n');
        }
        for (Step step : scenario.steps()) {
            out.append("  at ").append(Literals.duration(step.offset())).append(" on ")
                    .append(selector(step.selector())).append(' ').append(action(step.action())).append('\n');
        }
        out.append("}\n");
    }

    static String trigger(Trigger trigger) {
        if (trigger instanceof Trigger.Every) {
            Trigger.Every every = (Trigger.Every) trigger;
            return "every " + Literals.duration(every.period()) + " probability " + Literals.number(every.probability());
        }
        if (trigger instanceof Trigger.At) {
            return "at " + ((Trigger.At) trigger).instant();
        }
        if (trigger instanceof Trigger.Daily) {
            return "daily at " + ((Trigger.Daily) trigger).time();
        }
        if (trigger instanceof Trigger.After) {
            Trigger.After after = (Trigger.After) trigger;
            String name = Characters.isScenarioName(after.scenario()) ? after.scenario() : string(after.scenario());
            return "after " + name + (after.delay().isZero() ? "" : " delay " + Literals.duration(after.delay()));
        }
        return "manual";
    }

    static String selector(Selector selector) {
        if (selector instanceof Selector.Host) {
            String hostname = ((Selector.Host) selector).hostname();
            return Characters.isNameChars(hostname) && !hostname.equals("all") ? hostname : string(hostname);
        }
        if (selector instanceof Selector.ByRole) {
            return "role:" + ((Selector.ByRole) selector).role().externalName();
        }
        if (selector instanceof Selector.ByEnvironment) {
            return "env:" + ((Selector.ByEnvironment) selector).environment().externalName();
        }
        if (selector instanceof Selector.ByLabel) {
            Selector.ByLabel label = (Selector.ByLabel) selector;
            return "label:" + (Characters.isBareLabelPart(label.key(), false) ? label.key() : string(label.key()))
                    + "=" + (Characters.isBareLabelPart(label.value(), true) ? label.value() : string(label.value()));
        }
        if (selector instanceof Selector.Percent) {
            Selector.Percent percent = (Selector.Percent) selector;
            return Literals.number(percent.percent()) + "% of " + selector(percent.of());
        }
        return "all";
    }

    static String action(Action action) {
        String metric = metric(action.metric());
        if (action instanceof Action.Set) {
            return "set " + metric + " " + Literals.number(((Action.Set) action).value());
        }
        if (action instanceof Action.Add) {
            return "add " + metric + " " + Literals.number(((Action.Add) action).value());
        }
        if (action instanceof Action.Scale) {
            return "scale " + metric + " " + Literals.number(((Action.Scale) action).factor());
        }
        if (action instanceof Action.Ramp) {
            Action.Ramp ramp = (Action.Ramp) action;
            return "ramp " + metric + " to " + Literals.number(ramp.target()) + " over "
                    + Literals.duration(ramp.over());
        }
        if (action instanceof Action.Leak) {
            Action.Leak leak = (Action.Leak) action;
            return "leak " + metric + " " + Literals.number(leak.amount()) + " per " + Literals.duration(leak.per());
        }
        if (action instanceof Action.Spike) {
            Action.Spike spike = (Action.Spike) action;
            return "spike " + metric + " " + Literals.number(spike.amount()) + " for "
                    + Literals.duration(spike.length());
        }
        return action.metric().isEmpty() ? "drop" : "drop " + metric;
    }

    private static String metric(String metric) {
        return Characters.isNameChars(metric) && !DslParser.CLAUSES.contains(metric) && !metric.equals("scenario")
                ? metric : string(metric);
    }

    /**
     * A string literal. Besides quotes and backslashes, everything invisible or misleading is escaped: control and
     * format characters (bidirectional controls among them), line and paragraph separators, and lone surrogates, so
     * the printed text reads as it parses and survives UTF-8.
     */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(i + 1));
                if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.UNASSIGNED
                        && cp >= 0xE0000) {
                    out.append(String.format(Locale.ROOT, "\\u{%X}", cp));
                } else {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                            || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
