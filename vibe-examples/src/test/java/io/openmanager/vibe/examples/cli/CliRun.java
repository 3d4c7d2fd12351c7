package io.openmanager.vibe.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** The outcome of one in-process {@code vibe} run: exit code and the two output streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun vibe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = VibeCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
