package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.sim.dsl.Token.Kind;
import io.openmanager.vibe.sim.scenario.Action;
import io.openmanager.vibe.sim.scenario.Selector;
import io.openmanager.vibe.sim.scenario.Trigger;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the scenario language into {@link ScenarioDraft}s.
 *
 * <p>Every syntax error is reported and parsing goes on: a broken clause is skipped up to the next line that starts
 * with a clause keyword (or to {@code }}), a broken scenario header up to its block, and text outside any scenario up
 * to the next line starting with {@code scenario}. Each token is read once, so parsing takes time linear in the input.
 */
final class DslParser {
    static final List<String> CLAUSES = List.of("title", "trigger", "duration", "recovery", "cooldown", "at");
    static final List<String> ACTIONS = List.of("set", "add", "scale", "ramp", "leak", "spike", "drop");
    private static final Set<String> CLAUSE_SET = Set.copyOf(CLAUSES);
    private static final List<String> TRIGGERS = List.of("every", "at", "daily", "after", "manual");
    private static final List<String> SELECTOR_KINDS = List.of("role:", "env:", "label:");
    private static final String SELECTOR = "servers: a hostname, all, role:ROLE, env:ENVIRONMENT, label:KEY=VALUE"
            + " or N% of SELECTOR";
    private static final String ACTION = "an action (set, add, scale, ramp, leak, spike or drop)";
    private static final String CLAUSE = "a clause (title, trigger, duration, recovery, cooldown or at) or '}'";

    private final SourceText source;
    private final Lexer lexer;
    private final Diagnostics diagnostics;
    private final Limits limits;
    private final List<ScenarioDraft> drafts = new ArrayList<>();
    private Token tok;
    private Token prev;

    /** A syntax error, already reported; the nearest recovery point catches it. */
    private static final class Syntax extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Syntax INSTANCE = new Syntax();

        private Syntax() {
            super("syntax error", null, false, false);
        }
    }

    DslParser(SourceText source, Diagnostics diagnostics, Limits limits) {
        this.source = source;
        this.lexer = new Lexer(source, diagnostics);
        this.diagnostics = diagnostics;
        this.limits = limits;
    }

    List<ScenarioDraft> parse() {
        advance();
        while (tok.kind() != Kind.EOF) {
            if (tok.isWord("scenario")) {
                if (!scenario()) {
                    break;
                }
            } else {
                String hint;
                if (tok.kind() == Kind.WORD && CLAUSE_SET.contains(tok.text())) {
                    hint = "clauses belong inside a block: scenario NAME { ... }";
                } else if (tok.kind() == Kind.CLOSE) {
                    hint = "this '}' closes no scenario";
                } else if (tok.kind() == Kind.WORD) {
                    hint = diagnostics.words.didYouMean(tok.text(), List.of("scenario"));
                } else {
                    hint = "";
                }
                report(tok, "expected 'scenario', found " + tok.describe(), hint);
                advance();
                while (tok.kind() != Kind.EOF && !(tok.firstOnLine() && tok.isWord("scenario"))) {
                    advance();
                }
            }
        }
        return drafts;
    }

    private void advance() {
        prev = tok;
        tok = lexer.next();
    }

    /** Whether the current token continues the line of the previous one. */
    private boolean onLine() {
        return !tok.firstOnLine() && tok.kind() != Kind.EOF;
    }

    private boolean atClauseStart() {
        return tok.firstOnLine() && tok.kind() == Kind.WORD
                && (CLAUSE_SET.contains(tok.text()) || tok.text().equals("scenario"));
    }

    /** Parses one scenario; false when the scenario limit is reached and parsing must stop. */
    private boolean scenario() {
        Token keyword = tok;
        if (drafts.size() == limits.maxScenarios()) {
            diagnostics.error(source, keyword.start(), keyword.end(), "too many scenarios: at most "
                    + limits.maxScenarios() + " in one source", "split the file, or raise the parser's maxScenarios");
            return false;
        }
        advance();
        ScenarioDraft draft = new ScenarioDraft(source, keyword.start());
        drafts.add(draft);
        try {
            if (onLine() && (tok.kind() == Kind.WORD || tok.kind() == Kind.STRING)) {
                draft.name = tok.text();
                draft.nameStart = tok.start();
                draft.nameEnd = tok.end();
                advance();
            } else {
                expected("a scenario name after 'scenario'", "for example: scenario disk-full {");
            }
            if (tok.kind() == Kind.OPEN) {
                advance();
            } else {
                expected("'{' after the name of scenario " + draft.displayName(),
                        onLine() && tok.kind() == Kind.WORD
                                ? "names are letters, digits, '_' and '-'; write other names in double quotes" : "");
            }
        } catch (Syntax e) {
            draft.broken = true;
            // A forgotten '{' at the end of the line: read the clauses that follow. Otherwise skip to the block.
            while (onLine() && tok.kind() != Kind.OPEN) {
                advance();
            }
            if (tok.kind() == Kind.OPEN) {
                advance();
            }
        }
        clauses(draft, keyword);
        return true;
    }

    private void clauses(ScenarioDraft draft, Token keyword) {
        while (true) {
            if (tok.kind() == Kind.CLOSE) {
                advance();
                return;
            }
            if (tok.kind() == Kind.EOF || (tok.firstOnLine() && tok.isWord("scenario"))) {
                report(tok, "expected '}' to close scenario " + draft.displayName() + " (line "
                        + source.line(keyword.start()) + "), found " + tok.describe(),
                        tok.kind() == Kind.EOF ? "" : "add '}' before this line");
                draft.broken = true;
                return;
            }
            if (tok.kind() == Kind.WORD && CLAUSE_SET.contains(tok.text())) {
                Token clause = tok;
                advance();
                try {
                    clause(draft, clause);
                    if (onLine() && tok.kind() != Kind.CLOSE
                            && !(tok.kind() == Kind.WORD && CLAUSE_SET.contains(tok.text()))) {
                        report(tok, "unexpected " + tok.describe() + " after the '" + clause.text() + "' clause",
                                "a clause ends at the end of its line");
                        throw Syntax.INSTANCE;
                    }
                } catch (Syntax e) {
                    draft.broken = true;
                    recover();
                }
            } else {
                report(tok, "expected " + CLAUSE + ", found " + tok.describe(), tok.kind() == Kind.WORD
                        ? diagnostics.words.didYouMean(tok.text(), CLAUSES) : "");
                draft.broken = true;
                advance();
                recover();
            }
        }
    }

    /** Skips to the next line that starts a clause or a scenario, or to '}'. */
    private void recover() {
        while (tok.kind() != Kind.EOF && tok.kind() != Kind.CLOSE && !atClauseStart()) {
            advance();
        }
    }

    private void clause(ScenarioDraft draft, Token keyword) {
        Integer first = draft.clauses.putIfAbsent(keyword.text(), keyword.start());
        boolean duplicate = first != null && !keyword.text().equals("at");
        if (duplicate) {
            diagnostics.error(source, keyword.start(), keyword.end(), "duplicate '" + keyword.text()
                    + "' clause in scenario " + draft.displayName(), "the first is on line "
                    + source.line(first) + "; keep one");
        }
        switch (keyword.text()) {
            case "title": {
                if (tok.kind() != Kind.STRING || !onLine()) {
                    expected("a title in double quotes after 'title'", tok.kind() == Kind.WORD && onLine()
                            ? "for example: title \"Disk full on the primary database\"" : "");
                }
                String title = tok.text();
                advance();
                if (!duplicate) {
                    draft.title = title;
                }
                return;
            }
            case "trigger": {
                Trigger trigger = trigger(draft, duplicate);
                if (!duplicate) {
                    draft.trigger = trigger;
                }
                return;
            }
            case "duration": {
                Duration duration = duration("duration", true);
                if (!duplicate) {
                    draft.duration = duration;
                }
                return;
            }
            case "recovery": {
                Duration recovery = duration("recovery", false);
                if (!duplicate) {
                    draft.recovery = recovery;
                }
                return;
            }
            case "cooldown": {
                Duration cooldown = duration("cooldown", false);
                if (!duplicate) {
                    draft.cooldown = cooldown;
                }
                return;
            }
            default:
                step(draft, keyword);
        }
    }

    private Trigger trigger(ScenarioDraft draft, boolean duplicate) {
        if (tok.kind() != Kind.WORD || !onLine()) {
            expected("a trigger (every, at, daily at, after or manual) after 'trigger'", "");
        }
        Token kind = tok;
        switch (kind.text()) {
            case "every": {
                advance();
                Duration period = duration("every", true);
                double probability = 1;
                if (onLine() && tok.isWord("probability")) {
                    advance();
                    probability = number("a probability from 0 to 1");
                    if (!(probability >= 0 && probability <= 1)) {
                        diagnostics.error(source, prev.start(), prev.end(), "probability must be from 0 to 1, found "
                                + prev.text(), probability >= 2 && probability <= 100
                                ? "write " + Literals.number(probability / 100) + " for " + prev.text() + " %" : "");
                        throw Syntax.INSTANCE;
                    }
                }
                return Trigger.every(period, probability);
            }
            case "at": {
                advance();
                if (tok.kind() != Kind.WORD || !onLine()) {
                    expected("an ISO-8601 instant such as 2026-01-05T03:00:00Z after 'trigger at'", "");
                }
                try {
                    Instant instant = DateTimeFormatter.ISO_INSTANT.parse(tok.text(), Instant::from);
                    advance();
                    return Trigger.at(instant);
                } catch (DateTimeException | ArithmeticException e) {
                    report(tok, "expected an ISO-8601 instant such as 2026-01-05T03:00:00Z after 'trigger at', found "
                            + tok.describe(), Character.isDigit(tok.text().charAt(0)) && tok.text().length() < 8
                            ? "'trigger at' takes a date and time; a step is written 'at 5s on ...' on a line of its own"
                            : "");
                    throw Syntax.INSTANCE;
                }
            }
            case "daily": {
                advance();
                keyword("at", "trigger daily at 03:00");
                if (tok.kind() != Kind.WORD || !onLine()) {
                    expected("a time of day such as 03:00 after 'daily at'", "");
                }
                try {
                    LocalTime time = LocalTime.parse(tok.text(), DateTimeFormatter.ISO_LOCAL_TIME);
                    advance();
                    return Trigger.daily(time);
                } catch (DateTimeException e) {
                    String text = tok.text();
                    report(tok, "expected a time of day HH:MM (24-hour) after 'daily at', found " + tok.describe(),
                            text.matches("[0-9]:[0-9][0-9](:[0-9][0-9])?") ? "write two-digit hours: 0" + text : "");
                    throw Syntax.INSTANCE;
                }
            }
            case "after": {
                advance();
                if (!onLine() || (tok.kind() != Kind.WORD && tok.kind() != Kind.STRING)) {
                    expected("the name of a scenario after 'after'", "");
                }
                String leader = tok.text();
                if (!duplicate) {
                    draft.afterName = leader;
                    draft.afterStart = tok.start();
                    draft.afterEnd = tok.end();
                }
                advance();
                Duration delay = Duration.ZERO;
                if (onLine() && tok.isWord("delay")) {
                    advance();
                    delay = duration("delay", false);
                }
                return Trigger.after(leader, delay);
            }
            case "manual":
                advance();
                return Trigger.manual();
            default:
                report(tok, "expected a trigger (every, at, daily at, after or manual), found " + tok.describe(),
                        diagnostics.words.didYouMean(tok.text(), TRIGGERS));
                throw Syntax.INSTANCE;
        }
    }

    private void step(ScenarioDraft draft, Token at) {
        Duration offset = duration("at", false);
        ScenarioDraft.Step step = new ScenarioDraft.Step(offset, prev.start(), prev.end());
        keyword("on", "at " + prev.text() + " on db-primary-01 set cpu_usage 95");
        step.selector = selector(step, 1);
        action(step);
        if (draft.steps.size() < limits.maxSteps()) {
            draft.steps.add(step);
        } else if (!draft.tooManySteps) {
            draft.tooManySteps = true;
            diagnostics.error(source, at.start(), at.end(), "too many steps in scenario " + draft.displayName()
                    + ": at most " + limits.maxSteps(), "raise the parser's maxStepsPerScenario");
        }
    }

    private Selector selector(ScenarioDraft.Step step, int depth) {
        if (!onLine() || (tok.kind() != Kind.WORD && tok.kind() != Kind.STRING)) {
            expected(SELECTOR, "");
        }
        if (depth > limits.maxSelectorDepth()) {
            report(tok, "selector nests too deeply: at most " + limits.maxSelectorDepth() + " levels", "");
            throw Syntax.INSTANCE;
        }
        Token t = tok;
        advance();
        if (t.kind() == Kind.STRING) {
            return part(step, Selector.host(t.text()), t);
        }
        String w = t.text();
        if (w.equals("all")) {
            return Selector.all();
        }
        if (w.startsWith("role:")) {
            return part(step, Selector.role(role(w.substring(5), t.start() + 5)), t);
        }
        if (w.startsWith("env:")) {
            return part(step, Selector.environment(environment(w.substring(4), t.start() + 4)), t);
        }
        if (w.startsWith("label:")) {
            return label(step, t);
        }
        if (w.endsWith("%")) {
            double percent = numberIn(w.substring(0, w.length() - 1), t.start(), "a percentage");
            if (!(percent > 0 && percent <= 100)) {
                diagnostics.error(source, t.start(), t.end(), "percentage must be more than 0 and at most 100, found "
                        + Words.quote(w), "");
                throw Syntax.INSTANCE;
            }
            keyword("of", w + " of role:web");
            Selector of = selector(step, depth + 1);
            return Selector.percent(percent, of);
        }
        int colon = w.indexOf(':');
        if (colon >= 0) {
            String kind = w.substring(0, colon + 1);
            diagnostics.error(source, t.start(), t.start() + colon + 1, "unknown kind of selector "
                    + Words.quote(kind), kind.startsWith("environment") ? "did you mean 'env:'?"
                    : diagnostics.words.didYouMean(kind, SELECTOR_KINDS));
            throw Syntax.INSTANCE;
        }
        int bad = firstNonName(w);
        if (bad >= 0) {
            diagnostics.error(source, t.start() + bad, t.start() + bad + 1, "unexpected " + Words.quote(
                    w.substring(bad, bad + 1)) + " in hostname " + Words.quote(w),
                    "hostnames are letters, digits, '.', '_' and '-'; write other names in double quotes");
            throw Syntax.INSTANCE;
        }
        return part(step, Selector.host(w), t);
    }

    private Selector part(ScenarioDraft.Step step, Selector selector, Token from) {
        step.parts.add(new ScenarioDraft.Part(selector, from.start(), prev.end()));
        return selector;
    }

    private Role role(String name, int at) {
        for (Role role : Role.values()) {
            if (role.externalName().equals(name)) {
                return role;
            }
        }
        List<String> names = new ArrayList<>();
        for (Role role : Role.values()) {
            names.add(role.externalName());
        }
        unknown("role", name, at, names);
        return null;
    }

    private Environment environment(String name, int at) {
        for (Environment environment : Environment.values()) {
            if (environment.externalName().equals(name)) {
                return environment;
            }
        }
        List<String> names = new ArrayList<>();
        for (Environment environment : Environment.values()) {
            names.add(environment.externalName());
        }
        unknown("environment", name, at, names);
        return null;
    }

    private void unknown(String what, String name, int at, List<String> names) {
        String hint = diagnostics.words.didYouMean(name, names);
        diagnostics.error(source, at, at + name.length(), name.isEmpty() ? "missing " + what + " name"
                : "unknown " + what + " " + Words.quote(name), hint.isEmpty() ? what + "s are " + String.join(", ",
                names) : hint);
        throw Syntax.INSTANCE;
    }

    /** {@code label:KEY=VALUE}, where key and value may each be a string glued to the rest: label:"k"="v". */
    private Selector label(ScenarioDraft.Step step, Token t) {
        String rest = t.text().substring(6);
        String key;
        String value;
        if (rest.isEmpty()) {
            if (tok.kind() != Kind.STRING || !tok.glued()) {
                diagnostics.error(source, t.end(), t.end(), "expected a label key after 'label:'",
                        "for example label:zone=ap-northeast-2a, or label:\"my key\"=\"my value\"");
                throw Syntax.INSTANCE;
            }
            key = tok.text();
            advance();
            if (tok.kind() != Kind.WORD || !tok.glued() || !tok.text().startsWith("=")) {
                diagnostics.error(source, prev.end(), prev.end(), "expected '=' and a value after the label key",
                        "for example label:\"my key\"=\"my value\"");
                throw Syntax.INSTANCE;
            }
            Token equals = tok;
            advance();
            value = labelValue(equals.text().substring(1), equals.start() + 1, equals.end());
        } else {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                diagnostics.error(source, t.end(), t.end(), "expected '=' and a value after label key "
                        + Words.quote(rest), "for example label:zone=ap-northeast-2a");
                throw Syntax.INSTANCE;
            }
            key = rest.substring(0, eq);
            if (key.isEmpty()) {
                diagnostics.error(source, t.start() + 6, t.start() + 7, "missing label key before '='",
                        "for example label:zone=ap-northeast-2a");
                throw Syntax.INSTANCE;
            }
            bareLabelPart(key, t.start() + 6, false);
            value = labelValue(rest.substring(eq + 1), t.start() + 7 + eq, t.end());
        }
        return part(step, Selector.label(key, value), t);
    }

    private String labelValue(String bare, int start, int end) {
        if (!bare.isEmpty()) {
            bareLabelPart(bare, start, true);
            return bare;
        }
        if (tok.kind() == Kind.STRING && tok.glued()) {
            String value = tok.text();
            advance();
            return value;
        }
        diagnostics.error(source, end, end, "expected a label value after '='", "write an empty value as \"\"");
        throw Syntax.INSTANCE;
    }

    private void bareLabelPart(String text, int start, boolean value) {
        if (!Characters.isBareLabelPart(text, value)) {
            int bad = 0;
            while (bad < text.length() - 1 && Characters.isNameChar(text.charAt(bad)) || text.charAt(bad) == '/'
                    || (value && text.charAt(bad) == ':')) {
                bad++;
            }
            diagnostics.error(source, start + bad, start + bad + 1, "unexpected " + Words.quote(text.substring(bad,
                    bad + 1)) + " in label " + (value ? "value" : "key"), "write a " + (value ? "value" : "key")
                    + " with other characters in double quotes: label:" + (value ? "key=\"...\"" : "\"...\"=value"));
            throw Syntax.INSTANCE;
        }
    }

    private void action(ScenarioDraft.Step step) {
        if (tok.kind() != Kind.WORD || !onLine()) {
            expected(ACTION, "");
        }
        Token a = tok;
        String metric;
        try {
            switch (a.text()) {
                case "set":
                case "add":
                case "scale": {
                    advance();
                    metric = metric(step);
                    double value = number(a.text().equals("scale") ? "a factor" : "a value");
                    if (a.text().equals("set")) {
                        step.action = Action.set(metric, value);
                    } else if (a.text().equals("add")) {
                        step.action = Action.add(metric, value);
                    } else {
                        if (value < 0) {
                            diagnostics.error(source, prev.start(), prev.end(), "a scale factor cannot be negative,"
                                    + " found " + prev.text(), "to lower a metric, use 'add " + metric + " "
                                    + prev.text() + "' or a factor between 0 and 1");
                            throw Syntax.INSTANCE;
                        }
                        step.action = Action.scale(metric, value);
                    }
                    return;
                }
                case "ramp": {
                    advance();
                    metric = metric(step);
                    keyword("to", "ramp " + metric + " to 95 over 5m");
                    double target = number("a target value");
                    keyword("over", "ramp " + metric + " to " + prev.text() + " over 5m");
                    step.action = Action.ramp(metric, target, duration("over", true));
                    return;
                }
                case "leak": {
                    advance();
                    metric = metric(step);
                    double amount = number("an amount");
                    keyword("per", "leak " + metric + " " + prev.text() + " per 1m");
                    step.action = Action.leak(metric, amount, duration("per", true));
                    return;
                }
                case "spike": {
                    advance();
                    metric = metric(step);
                    double amount = number("an amount");
                    keyword("for", "spike " + metric + " " + prev.text() + " for 30s");
                    step.action = Action.spike(metric, amount, duration("for", true));
                    return;
                }
                case "drop": {
                    advance();
                    boolean named = onLine() && (tok.kind() == Kind.STRING || (tok.kind() == Kind.WORD
                            && !CLAUSE_SET.contains(tok.text()) && !tok.text().equals("scenario")));
                    step.action = Action.drop(named ? metric(step) : "");
                    if (!named) {
                        step.metricStart = a.start();
                        step.metricEnd = a.end();
                    }
                    return;
                }
                default: {
                    String hint = diagnostics.words.didYouMean(a.text(), ACTIONS);
                    if (a.isWord("of") && step.selector instanceof Selector.Host) {
                        hint = "to select a share of servers, write '"
                                + ((Selector.Host) step.selector).hostname() + "% of ...'";
                    }
                    report(a, "expected " + ACTION + ", found " + a.describe(), hint);
                    throw Syntax.INSTANCE;
                }
            }
        } catch (IllegalArgumentException e) {
            // The model's own validation, as a safety net behind the checks above; its message names the value.
            diagnostics.error(source, a.start(), prev.end(), e.getMessage(), "");
            throw Syntax.INSTANCE;
        }
    }

    private String metric(ScenarioDraft.Step step) {
        if (!onLine() || (tok.kind() != Kind.WORD && tok.kind() != Kind.STRING)) {
            expected("a metric name such as cpu_usage after '" + prev.text() + "'", "");
        }
        if (tok.text().isBlank()) {
            report(tok, "expected a metric name, found " + tok.describe(), "");
            throw Syntax.INSTANCE;
        }
        step.metricStart = tok.start();
        step.metricEnd = tok.end();
        String metric = tok.text();
        advance();
        return metric;
    }

    private void keyword(String word, String example) {
        if (!onLine() || !tok.isWord(word)) {
            expected("'" + word + "' after " + Words.quote(prev.text()), "for example: " + example);
        }
        advance();
    }

    private Duration duration(String after, boolean positive) {
        if (tok.kind() != Kind.WORD || !onLine()) {
            expected(Literals.DURATION_EXAMPLES + " after '" + after + "'", "");
        }
        try {
            Duration duration = Literals.duration(tok.text());
            if (positive && duration.isZero()) {
                report(tok, "'" + after + "' must be longer than 0, found " + tok.describe(), "");
                throw Syntax.INSTANCE;
            }
            advance();
            return duration;
        } catch (Literals.Bad bad) {
            diagnostics.error(source, tok.start() + bad.from, tok.start() + bad.to, bad.getMessage(), bad.hint);
            throw Syntax.INSTANCE;
        }
    }

    private double number(String what) {
        if (tok.kind() != Kind.WORD || !onLine()) {
            expected(what + " (a number such as 42, -3.5 or 1e6)", "");
        }
        double value = numberIn(tok.text(), tok.start(), what);
        advance();
        return value;
    }

    private double numberIn(String text, int start, String what) {
        try {
            return Literals.number(text, what);
        } catch (Literals.Bad bad) {
            diagnostics.error(source, start + bad.from, start + bad.to, bad.getMessage(), bad.hint);
            throw Syntax.INSTANCE;
        }
    }

    private static int firstNonName(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Characters.isNameChar(w.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reports that {@code what} was expected at the current token and throws. Something missing at the end of a line
     * is reported there ("found end of line"), not at the start of the next.
     */
    private void expected(String what, String hint) {
        if (tok.firstOnLine() && prev != null || tok.kind() == Kind.EOF) {
            int at = prev == null ? 0 : prev.end();
            diagnostics.error(source, at, at, "expected " + what + ", found end of "
                    + (tok.kind() == Kind.EOF ? "file" : "line"), hint);
        } else {
            report(tok, "expected " + what + ", found " + tok.describe(), hint);
        }
        throw Syntax.INSTANCE;
    }

    private void report(Token token, String message, String hint) {
        if (token.kind() == Kind.BAD) {
            hint = Lexer.hintFor(source.text.codePointAt(token.start()));
        }
        diagnostics.error(source, token.start(), token.end(), message, hint);
    }
}
