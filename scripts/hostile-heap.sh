#!/usr/bin/env bash
# vibe detect, forecast and backtest on a 1 GB timestamp,value file in a 512 MB heap (issue 17: the series reader
# streams, so memory holds the series as primitive arrays, never the file's text). Writes the file (about 40 million
# rows of 'yyyy-MM-dd HH:mm:ss,value', one a minute from 1990) to OUT, runs each command with -Xmx512m under
# /usr/bin/time -v, prints exit code, wall time and peak resident memory, and deletes the big files unless KEEP=1.
#
#   scripts/hostile-heap.sh [OUT] [BYTES]
#
# OUT defaults to vibe-examples/target/hostile-heap, BYTES to 1073741824. It builds vibe.jar first (./mvnw package,
# tests skipped); SKIP_BUILD=1 uses the jar as it is. About 10 minutes on the 2-core development machine.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-vibe-examples/target/hostile-heap}
bytes=${2:-1073741824}
jar=vibe-examples/target/vibe.jar
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -pl vibe-examples -am package -DskipTests
fi
mkdir -p "$out"
big="$out/big.csv"

cat > "$out/Generate.java" <<'EOF'
import java.io.BufferedWriter;
import java.io.FileWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Writes a timestamp,value CSV of at least the given size: a daily cycle, noise, a spike every 100,000 rows. */
public class Generate {
    public static void main(String[] args) throws Exception {
        long target = Long.parseLong(args[1]);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime time = LocalDateTime.of(1990, 1, 1, 0, 0);
        long written = 0;
        long seed = 42;
        try (BufferedWriter w = new BufferedWriter(new FileWriter(args[0]), 1 << 20)) {
            String header = "timestamp,value\n";
            w.write(header);
            written += header.length();
            for (long i = 0; written < target; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                double noise = ((seed >>> 11) * 0x1.0p-53) - 0.5;
                double value = 50 + 20 * Math.sin(2 * Math.PI * (i % 1440) / 1440.0) + 3 * noise
                        + (i % 100_000 == 99_999 ? 60 : 0);
                String line = time.format(format) + "," + Math.round(value * 1000) / 1000.0 + "\n";
                w.write(line);
                written += line.length();
                time = time.plusMinutes(1);
            }
        }
        System.out.println("wrote " + written + " bytes to " + args[0]);
    }
}
EOF
if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -lt "$bytes" ]; then
  java "$out/Generate.java" "$big" "$bytes"
fi
echo "input: $(stat -c %s "$big") bytes, $(($(wc -l < "$big") - 1)) rows"

run() {
  local name=$1
  shift
  local log="$out/$name.log"
  local status=0
  /usr/bin/time -v java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" "$@" > "$log" 2>&1 || status=$?
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | sed 's/.*: //')
  rss=$(grep 'Maximum resident set size' "$log" | sed 's/.*: //')
  echo "$name: exit $status, wall $wall, peak RSS $((rss / 1024)) MB (heap limit 512 MB)"
  grep -v '^\s' "$log" | grep -v 'Command being timed' | head -5 | sed 's/^/  /'
}

run detect detect --input "$big" --output "$out/scored"
echo "  scored rows: $(($(wc -l < "$out/scored/big.csv") - 1))"
run forecast forecast --input "$big" --horizon 1440 --output "$out/forecast.csv"
run backtest backtest --input "$big" --horizon 1440 --origins 3 --method naive,snaive,theta

if [ "${KEEP:-0}" != 1 ]; then
  rm -f "$big" "$out/scored/big.csv"
fi
