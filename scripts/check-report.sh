#!/usr/bin/env bash
# Writes a `vibe report` and checks it in headless Chromium: the page renders with no console message (errors,
# failed loads, blocked content), it parses as XML (loaded as XHTML, so a markup mistake shows as a parser error), it
# has at least five SVG charts and references nothing outside itself. Also leaves a screenshot to look at.
#
#   scripts/check-report.sh                       # a day of the default fleet, seed 42
#   scripts/check-report.sh --duration 7d --seed 7
#
# Arguments are passed to `vibe report`. Builds vibe-examples/target/vibe.jar if it is missing. Needs Chromium
# (Debian: apt-get install -y chromium; installed here when running as root). Output goes to $OUT_DIR (default: a new
# temporary directory): report.html, report.png, chromium.log. Exit status 0 when every check passes.
# CHECK_FILE=page.html checks an existing page instead of writing one (to see that the checks can fail).
# SCREENSHOT_SIZE=W,H sets the screenshot's window (default 1200,3000); README's picture, docs/images/report.png, is
#   OUT_DIR=/tmp/r SCREENSHOT_SIZE=1100,1400 scripts/check-report.sh   (then /tmp/r/report.png)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/vibe-examples/target/vibe.jar"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
OUT_DIR="${OUT_DIR:-$(mktemp -d)}"
mkdir -p "$OUT_DIR"
REPORT="$OUT_DIR/report.html"
failures=0

fail() {
    echo "check-report: FAIL: $*" >&2
    failures=$((failures + 1))
}

if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y chromium >/dev/null
    else
        echo "check-report: $CHROMIUM not found; install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM" >&2
        exit 2
    fi
fi
if [ -n "${CHECK_FILE:-}" ]; then
    cp "$CHECK_FILE" "$REPORT"
else
    if [ ! -f "$JAR" ]; then
        (cd "$ROOT" && ./mvnw -B -q -pl vibe-examples -am package -DskipTests)
    fi
    if [ $# -eq 0 ]; then
        set -- --duration 24h
    fi
    java -jar "$JAR" report "$@" --out "$REPORT"
fi

chromium() {
    local profile
    profile="$(mktemp -d)"
    # No network, no sync, no component updates: the page must not need any of them.
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
        --enable-logging=stderr --v=0 --hide-scrollbars "$@"
    local status=$?
    rm -rf "$profile"
    return $status
}

# 1. Render as HTML: the DOM must come out and the console must stay silent.
chromium --dump-dom "file://$REPORT" >"$OUT_DIR/dom.html" 2>"$OUT_DIR/chromium.log" || fail "chromium exited with $?"
if grep -E ':CONSOLE[:(]' "$OUT_DIR/chromium.log" >&2; then
    fail "console messages while rendering (above)"
fi
svgs=$({ grep -o '<svg' "$OUT_DIR/dom.html" || true; } | wc -l)
[ "$svgs" -ge 5 ] || fail "$svgs SVG charts in the rendered page, expected at least 5"
grep -q '<h1>Vibe report</h1>' "$OUT_DIR/dom.html" || fail "the rendered page has no 'Vibe report' heading"

# 2. Render as XHTML: Chromium's XML parser reports any markup mistake as a <parsererror> element.
cp "$REPORT" "$OUT_DIR/report.xhtml"
chromium --dump-dom "file://$OUT_DIR/report.xhtml" >"$OUT_DIR/dom.xhtml" 2>>"$OUT_DIR/chromium.log" || true
if grep -qi 'parsererror' "$OUT_DIR/dom.xhtml"; then
    fail "the page is not well-formed XML: $(grep -io 'error on line[^<]*' "$OUT_DIR/dom.xhtml" | head -1)"
fi

# 3. Self-contained: no script, link, image, frame or URL reference (the SVG namespace is a name, not a load).
if grep -Eio '<script|<link|<img|<iframe|<object|<embed|src=|href=|url\(|@import' "$REPORT" >&2; then
    fail "the page references something outside itself (above)"
fi

# 4. A screenshot to look at.
chromium --window-size="${SCREENSHOT_SIZE:-1200,3000}" --screenshot="$OUT_DIR/report.png" "file://$REPORT" 2>>"$OUT_DIR/chromium.log" \
    >/dev/null || fail "no screenshot"

echo "check-report: $REPORT ($(wc -c <"$REPORT") bytes, $svgs SVG charts), screenshot $OUT_DIR/report.png"
if [ "$failures" -gt 0 ]; then
    echo "check-report: $failures check(s) failed" >&2
    exit 1
fi
echo "check-report: OK"
