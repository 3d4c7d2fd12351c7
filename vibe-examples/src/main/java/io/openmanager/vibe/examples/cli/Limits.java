package io.openmanager.vibe.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The bounds of the commands' size options, checked before anything is allocated, so that a mistyped
 * {@code --horizon 2000000000} is a usage error naming the option instead of an OutOfMemoryError.
 */
final class Limits {
    private Limits() {
    }

    /**
     * Checks {@code min <= value <= max}.
     *
     * @throws ParameterException "{@code option} must be in min..max: value"
     */
    static void check(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be in " + min + ".." + max + ": "
                    + value);
        }
    }
}
