#!/usr/bin/env bash
# Quick profile of every JMH benchmark in vibe-benchmarks (about 4 minutes on 2 cores), with -prof gc.
# Writes OUT/jmh.json (JMH JSON), OUT/memory.txt (DetectorMemory), OUT/layout.md (DetectorLayout: where the default
# detector's bytes go) and OUT/report.md (the README's Markdown table), and prints the tables. OUT defaults to
# vibe-benchmarks/target/quick.
#
#   scripts/bench-quick.sh [OUT]
#
# It builds benchmarks.jar first (./mvnw package, tests skipped); SKIP_BUILD=1 uses the jar as it is.
# Short runs on a machine shared with other work are noisy: read the error column.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-vibe-benchmarks/target/quick}
jar=vibe-benchmarks/target/benchmarks.jar
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -pl vibe-benchmarks -am package -DskipTests
fi
mkdir -p "$out"

# Bytes per series of the default detector's state (a series with a season of ~126 values, one without, and
# DetectorBenchmark's 5-minute CPU series with its daily season), and of the Random Cut Forest reference (a few MB
# each).
java -cp "$jar" io.openmanager.vibe.benchmarks.DetectorMemory default | tee "$out/memory.txt"
java -cp "$jar" io.openmanager.vibe.benchmarks.DetectorMemory default 20000 noise | tee -a "$out/memory.txt"
java -cp "$jar" io.openmanager.vibe.benchmarks.DetectorMemory default 20000 cpu | tee -a "$out/memory.txt"
java -cp "$jar" io.openmanager.vibe.benchmarks.DetectorMemory rcf 20 | tee -a "$out/memory.txt"
# The same state object by object: headers, references, padding and data (JOL).
java -Djdk.attach.allowAttachSelf -cp "$jar" io.openmanager.vibe.benchmarks.DetectorLayout default noise \
  | tee "$out/layout.md"

# Every benchmark, one fork, 1 s warm-up + 3 x 1 s measurement. Forecasting is profiled for `auto` only (the
# target's method) and export for the default naming only; the full parameter sets run without these -p options.
# HarnessBaseline (JMH's own bytes per iteration) must stay in the run: the report takes them out of net B/op.
java -jar "$jar" -f 1 -wi 1 -w 1s -i 3 -r 1s -prof gc \
  -p method=auto -p naming=SEED \
  -rf json -rff "$out/jmh.json" > "$out/jmh.log"

java -cp "$jar" io.openmanager.vibe.benchmarks.BenchmarkReport "$out/jmh.json" "$out/memory.txt" > "$out/report.md"
cat "$out/report.md"
