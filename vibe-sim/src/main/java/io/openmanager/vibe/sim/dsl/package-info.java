/**
 * The scenario language: failure scenarios as text that people write by hand, keep in their repositories and review
 * in pull requests, its JSON twin, and a parser that reports mistakes like a good compiler.
 *
 * <p>Entry points: {@link io.openmanager.vibe.sim.dsl.ScenarioParser} reads text and JSON,
 * {@link io.openmanager.vibe.sim.dsl.ScenarioFormat} writes the canonical forms,
 * {@link io.openmanager.vibe.sim.dsl.ScenarioFiles} loads files for a fleet. Text, JSON and the Java builder
 * ({@link io.openmanager.vibe.sim.scenario.Scenario#builder(String)}) give equal scenarios.
 *
 * <h2>The language</h2>
 *
 * <pre>
 * # The seed's disk-full cascade
 * scenario disk-full-cascade {
 *   title "디스크 용량 부족 연쇄 장애"
 *   trigger every 6h probability 0.15
 *   duration 20m
 *   recovery 5m
 *   at 0s on db-primary-01 set disk_usage 95
 *   at 2s on db-primary-01 set response_time 5000
 *   at 5s on web-server-01 set response_time 8000
 * }
 *
 * scenario replica-lag {
 *   trigger after disk-full-cascade delay 30s
 *   duration 10m
 *   at 0s on 50% of role:database ramp response_time to 3000 over 2m
 *   at 1m on label:zone=ap-northeast-2a leak memory_usage 1.5 per 1m
 *   at 2m on env:aws spike cpu_usage 40 for 30s
 *   at 5m on "db-replica-01" drop          # every metric goes missing
 * }
 * </pre>
 *
 * <pre>
 * file      := scenario*                      UTF-8; '#' starts a comment to the end of the line
 * scenario  := 'scenario' NAME '{' clause* '}'
 * NAME      := [A-Za-z0-9_-]+ | STRING         unique among the scenarios read together
 * clause    := 'title' STRING                 default: the name
 *            | 'trigger' trigger              default: manual
 *            | 'duration' DURATION            default: 10m; longer than 0
 *            | 'recovery' DURATION            default: 0s; effects fade back over it
 *            | 'cooldown' DURATION            default: 0s; quiet time before the next firing
 *            | 'at' DURATION 'on' selector action    a step; it must start before the duration ends
 * trigger   := 'every' DURATION ['probability' NUMBER]      probability in [0, 1], default 1
 *            | 'at' INSTANT                   ISO-8601: 2026-01-05T03:00:00Z, 2026-01-05T12:00:00+09:00
 *            | 'daily' 'at' TIME              HH:MM or HH:MM:SS, 24-hour, in the engine's zone
 *            | 'after' NAME ['delay' DURATION]              when the named scenario fires; no cycles
 *            | 'manual'                       fired through the API
 * selector  := HOSTNAME | STRING              one server; a STRING is always a hostname ("all" is the host named all)
 *            | 'all'
 *            | 'role:' ROLE | 'env:' ENVIRONMENT           lower-case enum names: role:database, env:aws
 *            | 'label:' KEY '=' VALUE         KEY and VALUE bare or each a STRING glued on: label:"k"="v w"
 *            | NUMBER '%' 'of' selector       a share in (0, 100], rounded up; nests up to the depth limit
 * action    := 'set' METRIC NUMBER | 'add' METRIC NUMBER | 'scale' METRIC NUMBER    scale: factor &gt;= 0
 *            | 'ramp' METRIC 'to' NUMBER 'over' DURATION
 *            | 'leak' METRIC NUMBER 'per' DURATION
 *            | 'spike' METRIC NUMBER 'for' DURATION
 *            | 'drop' [METRIC]                missing data; without a metric, every metric
 * METRIC    := a seed metric name: cpu_usage, memory_usage, disk_usage, network_in, network_out, response_time
 * DURATION  := (DIGITS ['.' DIGITS] UNIT)+    UNIT: ms s m h d, largest first, each once: 500ms 90s 1h30m 1.5h
 *                                             whole milliseconds, at most 36500d
 * NUMBER    := ['-'] DIGITS ['.' DIGITS] [('e'|'E') ['+'|'-'] DIGITS]              finite, at most 64 characters
 * STRING    := '"' ... '"'                    one line; escapes \" \\ \n \t \r &#92;uXXXX &#92;u{XXXXX}
 * </pre>
 *
 * <p>Tokens are separated by spaces, tabs or line breaks; a clause ends at the end of its line or where the next
 * clause keyword starts. Words are printable ASCII: anything else (a Hangul title, say) belongs in a string or a
 * comment. Bidirectional control characters are refused outside escapes, so a file reads as it parses.
 *
 * <h2>Errors</h2>
 *
 * <pre>
 * outage.scenarios:7:31: error: unknown metric 'cpu' — did you mean 'cpu_usage'?
 *   at 0s on db-primary-01 set cpu 95
 *                              ^~~
 * </pre>
 */
package io.openmanager.vibe.sim.dsl;
