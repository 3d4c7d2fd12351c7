package io.openmanager.vibe.sim.dsl;

/**
 * What a parser accepts before refusing an input as too big.
 *
 * @param maxInputBytes    UTF-8 size of one source
 * @param maxScenarios     scenarios in one source
 * @param maxSteps         steps in one scenario
 * @param maxSelectorDepth levels of {@code N% of} selectors, counting the innermost selector
 * @param maxProblems      problems reported before the check stops
 */
record Limits(int maxInputBytes, int maxScenarios, int maxSteps, int maxSelectorDepth, int maxProblems) {
}
