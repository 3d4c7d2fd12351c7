package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.sim.scenario.Scenario;

import java.util.List;
import java.util.Objects;

/**
 * What checking scenario sources found: the scenarios, when there is no error, and every problem.
 *
 * <p>Returned by {@link ScenarioParser#check}; unlike {@link ScenarioParser#parse}, checking reports warnings of
 * an input that loads ({@code role:storage} selecting no server of the fleet, for example).
 *
 * @param scenarios the scenarios in source order, or empty when there is an error; unmodifiable
 * @param problems  errors and warnings, in source order and by position within a source; unmodifiable
 */
public record ParseResult(List<Scenario> scenarios, List<Problem> problems) {

    /** Copies the lists; refuses scenarios together with errors. */
    public ParseResult {
        scenarios = List.copyOf(scenarios);
        problems = List.copyOf(problems);
        if (!scenarios.isEmpty() && problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a result with errors has no scenarios");
        }
    }

    /** Whether any problem is an error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The errors. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The warnings. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /**
     * The scenarios, when there is no error.
     *
     * @throws ScenarioParseException carrying every problem, when there is an error
     */
    public List<Scenario> orThrow() {
        if (hasErrors()) {
            throw new ScenarioParseException(problems);
        }
        return scenarios;
    }

    /** {@code "2 errors, 1 warning"}, {@code "no problems"}. */
    static String summary(List<Problem> problems) {
        Objects.requireNonNull(problems);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (errors == 0 && warnings == 0) {
            return "no problems";
        }
        String text = errors == 0 ? "" : errors + (errors == 1 ? " error" : " errors");
        if (warnings > 0) {
            text += (text.isEmpty() ? "" : ", ") + warnings + (warnings == 1 ? " warning" : " warnings");
        }
        return text;
    }
}
