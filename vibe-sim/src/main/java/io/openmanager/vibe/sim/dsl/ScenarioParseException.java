package io.openmanager.vibe.sim.dsl;

import java.util.List;

/**
 * Scenario text or JSON that cannot be loaded. It carries every problem found in the input, not only the first:
 * syntax errors (the parser recovers at the next clause or scenario and goes on), semantic errors and, when a fleet
 * was given, binding errors; warnings found on the way are included too.
 *
 * <p>The message is the {@linkplain Problem#format() formatted} problems, one after the other, followed by a count.
 * The parser throws nothing else for bad input, whatever the input.
 */
public final class ScenarioParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    ScenarioParseException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, errors and warnings, in the order of the sources and of positions within each; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    /** Only the errors; never empty. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String message(List<Problem> problems) {
        StringBuilder message = new StringBuilder();
        for (Problem problem : problems) {
            message.append(problem.format()).append('\n');
        }
        message.append(ParseResult.summary(problems));
        return message.toString();
    }
}
