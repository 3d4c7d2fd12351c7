package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.internal.LookBack;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Selector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that need more than one clause: unique names, 'after' references and their cycles, steps within the
 * duration, metric names, and, when a fleet is given, hostnames and selectors that match nothing. Then builds the
 * scenarios, when nothing is wrong.
 */
final class Checker {
    /** The builder's default duration ({@link Scenario.Builder}); a test pins the two together. */
    static final Duration DEFAULT_DURATION = Duration.ofMinutes(10);

    private final Diagnostics diagnostics;
    private final MetricSet metrics;
    private final List<String> metricNames = new ArrayList<>();
    private final Fleet fleet;
    private final Set<Role> roles = EnumSet.noneOf(Role.class);
    private final Set<Environment> environments = EnumSet.noneOf(Environment.class);
    private final Map<String, Set<String>> labels = new HashMap<>();
    private final boolean complete;
    private List<String> hostnames;

    /** {@code complete} false: a source could not be read, so a scenario named in 'after' may be in it. */
    Checker(Diagnostics diagnostics, MetricSet metrics, Fleet fleet, boolean complete) {
        this.complete = complete;
        this.diagnostics = diagnostics;
        this.metrics = metrics;
        for (int i = 0; i < metrics.size(); i++) {
            metricNames.add(metrics.get(i).name());
        }
        this.fleet = fleet;
        if (fleet != null) {
            for (Server server : fleet.servers()) {
                roles.add(server.role());
                environments.add(server.environment());
                for (Map.Entry<String, String> label : server.labels().entrySet()) {
                    labels.computeIfAbsent(label.getKey(), k -> new TreeSet<>()).add(label.getValue());
                }
            }
        }
    }

    List<Scenario> check(List<ScenarioDraft> drafts) {
        Map<String, ScenarioDraft> byName = new LinkedHashMap<>();
        boolean unnamed = !complete;
        for (ScenarioDraft draft : drafts) {
            if (draft.name == null) {
                unnamed = true;
            } else if (!Characters.isScenarioName(draft.name)) {
                diagnostics.error(draft.source, draft.nameStart, draft.nameEnd, "invalid scenario name "
                        + Words.quote(draft.name) + ": use letters, digits, '_' and '-'", suggestName(draft.name));
                unnamed = true;
            } else {
                ScenarioDraft first = byName.putIfAbsent(draft.name, draft);
                if (first != null) {
                    diagnostics.error(draft.source, draft.nameStart, draft.nameEnd, "duplicate scenario name "
                            + Words.quote(draft.name), "the first is at " + (first.source == draft.source ? "line "
                            + first.source.line(first.nameStart) : first.source.name + ":"
                            + first.source.position(first.nameStart)) + "; names must be unique");
                }
            }
            checkSteps(draft);
        }
        checkLeaders(drafts, byName, unnamed);
        if (diagnostics.errorCount() > 0) {
            return List.of();
        }
        List<Scenario> scenarios = new ArrayList<>(drafts.size());
        Map<Scenario, ScenarioDraft> draftOf = new HashMap<>();
        for (ScenarioDraft draft : drafts) {
            Scenario scenario = build(draft);
            if (scenario != null) {
                scenarios.add(scenario);
                draftOf.put(scenario, draft);
            }
        }
        checkLookBack(scenarios, draftOf);
        return diagnostics.errorCount() > 0 ? List.of() : scenarios;
    }

    /** The engine's bound on how far back it reads triggers ({@link LookBack}): durations against periods. */
    private void checkLookBack(List<Scenario> scenarios, Map<Scenario, ScenarioDraft> draftOf) {
        Map<String, Scenario> byName = new HashMap<>();
        for (Scenario scenario : scenarios) {
            byName.put(scenario.name(), scenario);
        }
        for (Scenario scenario : scenarios) {
            String problem = LookBack.problem(scenario, byName);
            if (problem == null) {
                continue;
            }
            ScenarioDraft draft = draftOf.get(scenario);
            Integer clause = draft.clauses.get("duration");
            int start = clause != null ? clause : draft.nameStart;
            int end = clause != null ? clause + "duration".length() : draft.nameEnd;
            diagnostics.error(draft.source, start, end, problem, "the trigger is read back over the whole incident"
                    + " and the quiet time before it, window by window");
        }
    }

    private static String suggestName(String name) {
        String suggestion = name.trim().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return suggestion.isEmpty() || suggestion.length() > 64 ? "" : "for example " + Words.quote(suggestion);
    }

    private void checkSteps(ScenarioDraft draft) {
        Duration duration = draft.duration != null ? draft.duration : DEFAULT_DURATION;
        if (draft.steps.isEmpty() && !draft.broken) {
            int start = draft.name != null ? draft.nameStart : draft.start;
            int end = draft.name != null ? draft.nameEnd : draft.start + 1;
            diagnostics.error(draft.source, start, end, "scenario " + draft.displayName() + " has no steps",
                    "add at least one, for example: at 0s on db-primary-01 set cpu_usage 95");
        }
        for (ScenarioDraft.Step step : draft.steps) {
            if (step.offset.compareTo(duration) >= 0) {
                diagnostics.error(draft.source, step.offsetStart, step.offsetEnd, "step at "
                        + Literals.duration(step.offset) + " starts after scenario " + draft.displayName()
                        + " has ended: its duration is " + Literals.duration(duration)
                        + (draft.duration == null ? " (the default)" : ""),
                        "steps start before the duration ends; lengthen it, for example: duration "
                                + Literals.duration(step.offset.plus(duration)));
            }
            String metric = step.action.metric();
            if (!metric.isEmpty() && !metricNames.contains(metric)) {
                int index = metrics.indexOf(metric);
                String hint = index >= 0 ? "scenarios use seed names: write '" + metrics.get(index).name() + "'"
                        : diagnostics.words.didYouMean(metric, metricNames);
                diagnostics.error(draft.source, step.metricStart, step.metricEnd, "unknown metric "
                        + Words.quote(metric), hint.isEmpty() ? "known metrics: " + String.join(", ", metricNames)
                        : hint);
            }
            if (fleet != null) {
                for (ScenarioDraft.Part part : step.parts) {
                    bind(draft, part);
                }
            }
        }
    }

    private void bind(ScenarioDraft draft, ScenarioDraft.Part part) {
        Selector selector = part.selector();
        if (selector instanceof Selector.Host) {
            String hostname = ((Selector.Host) selector).hostname();
            if (fleet.indexOfHostname(hostname) < 0) {
                if (hostnames == null) {
                    hostnames = new ArrayList<>(fleet.size());
                    for (Server server : fleet.servers()) {
                        hostnames.add(server.hostname());
                    }
                }
                diagnostics.error(draft.source, part.start(), part.end(), "unknown hostname " + Words.quote(hostname)
                        + " (not in the fleet of " + fleet.size() + (fleet.size() == 1 ? " server)" : " servers)"),
                        diagnostics.words.didYouMean(hostname, hostnames));
            }
        } else if (selector instanceof Selector.ByRole) {
            Role role = ((Selector.ByRole) selector).role();
            if (!roles.contains(role)) {
                diagnostics.warning(draft.source, part.start(), part.end(), "no server of the fleet has role "
                        + Words.quote(role.externalName()) + ", so this step does nothing", "roles in the fleet: "
                        + names(roles));
            }
        } else if (selector instanceof Selector.ByEnvironment) {
            Environment environment = ((Selector.ByEnvironment) selector).environment();
            if (!environments.contains(environment)) {
                diagnostics.warning(draft.source, part.start(), part.end(), "no server of the fleet is in environment "
                        + Words.quote(environment.externalName()) + ", so this step does nothing",
                        "environments in the fleet: " + names(environments));
            }
        } else if (selector instanceof Selector.ByLabel) {
            Selector.ByLabel label = (Selector.ByLabel) selector;
            Set<String> values = labels.get(label.key());
            if (values == null || !values.contains(label.value())) {
                String hint;
                if (values == null) {
                    hint = labels.isEmpty() ? "the fleet's servers have no labels"
                            : "label keys in the fleet: " + String.join(", ", first(labels.keySet(), 10));
                } else {
                    hint = "values of " + Words.quote(label.key()) + " in the fleet: "
                            + String.join(", ", first(values, 10));
                }
                diagnostics.warning(draft.source, part.start(), part.end(), "no server of the fleet has label "
                        + Words.quote(label.key() + "=" + label.value()) + ", so this step does nothing", hint);
            }
        }
    }

    private static <E extends Enum<E>> String names(Set<E> constants) {
        List<String> names = new ArrayList<>();
        for (E constant : constants) {
            names.add(constant.name().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static List<String> first(Set<String> values, int max) {
        List<String> result = new ArrayList<>();
        for (String value : new TreeSet<>(values)) {
            if (result.size() == max) {
                result.add("…");
                break;
            }
            result.add(value);
        }
        return result;
    }

    /** Unknown leaders, scenarios that follow themselves, and cycles of 'after' triggers (each reported once). */
    private void checkLeaders(List<ScenarioDraft> drafts, Map<String, ScenarioDraft> byName, boolean unnamed) {
        Map<ScenarioDraft, ScenarioDraft> leader = new HashMap<>();
        for (ScenarioDraft draft : drafts) {
            if (draft.afterName == null) {
                continue;
            }
            ScenarioDraft lead = byName.get(draft.afterName);
            if (lead == null) {
                if (!unnamed) {
                    String hint = diagnostics.words.didYouMean(draft.afterName, byName.keySet());
                    diagnostics.error(draft.source, draft.afterStart, draft.afterEnd, "scenario "
                            + draft.displayName() + " triggers after unknown scenario " + Words.quote(draft.afterName),
                            hint.isEmpty() && byName.isEmpty() ? "no scenario is named so" : hint);
                }
            } else if (lead == draft) {
                diagnostics.error(draft.source, draft.afterStart, draft.afterEnd, "scenario " + draft.displayName()
                        + " cannot trigger after itself", "to repeat it, use 'trigger every 6h probability 0.1'");
            } else if (byName.get(draft.name) == draft) {
                leader.put(draft, lead);
            }
        }
        // Each scenario has at most one leader, so walking leaders from each scenario finds every cycle in linear time.
        Map<ScenarioDraft, Integer> state = new HashMap<>();
        for (ScenarioDraft start : drafts) {
            List<ScenarioDraft> path = new ArrayList<>();
            ScenarioDraft at = start;
            while (at != null && !state.containsKey(at)) {
                state.put(at, 1);
                path.add(at);
                at = leader.get(at);
            }
            if (at != null && state.get(at) == 1) {
                List<ScenarioDraft> cycle = path.subList(path.indexOf(at), path.size());
                diagnostics.error(at.source, at.afterStart, at.afterEnd, "scenarios trigger after each other in a"
                        + " cycle, so none of them ever fires: " + String.join(" after ", cycleText(cycle, at)),
                        "start the chain with another trigger, for example 'trigger every 6h probability 0.1'");
            }
            for (ScenarioDraft member : path) {
                state.put(member, 2);
            }
        }
    }

    private static List<String> cycleText(List<ScenarioDraft> cycle, ScenarioDraft at) {
        List<String> names = new ArrayList<>();
        for (ScenarioDraft member : cycle) {
            names.add(Words.quote(member.name));
        }
        names.add(Words.quote(at.name));
        return names;
    }

    private Scenario build(ScenarioDraft draft) {
        try {
            Scenario.Builder builder = Scenario.builder(draft.name);
            if (draft.title != null) {
                builder.title(draft.title);
            }
            if (draft.trigger != null) {
                builder.trigger(draft.trigger);
            }
            if (draft.duration != null) {
                builder.duration(draft.duration);
            }
            if (draft.recovery != null) {
                builder.recovery(draft.recovery);
            }
            if (draft.cooldown != null) {
                builder.cooldown(draft.cooldown);
            }
            for (ScenarioDraft.Step step : draft.steps) {
                builder.step(new io.openmanager.vibe.sim.scenario.Step(step.offset, step.selector, step.action));
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The model's own validation, behind the checks above; its message names the scenario and the value.
            diagnostics.error(draft.source, draft.nameStart, draft.nameEnd, String.valueOf(e.getMessage()), "");
            return null;
        }
    }
}
