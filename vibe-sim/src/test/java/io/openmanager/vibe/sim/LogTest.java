package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.alert.LogEvent;
import io.openmanager.vibe.core.alert.LogLevel;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.spi.event.LogMessageEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** Log lines follow the state of their server: quiet INFO when healthy, more and louder lines in trouble. */
class LogTest {
    private final Series week = Weeks.withBuiltInScenarios();
    private final List<Incident> incidents = week.engine.incidents(week.engine.instantOf(0),
            week.engine.instantOf(week.ticks));

    @Test
    void serversInTroubleLogMoreAndMostlyAtWarnOrError() {
        long[] lines = new long[2];
        long[] loud = new long[2];
        long[] serverTicks = new long[2];
        for (int s = 0; s < week.engine.fleet().size(); s++) {
            for (int i = 0; i < week.ticks; i++) {
                serverTicks[trouble(s, i) ? 1 : 0]++;
            }
        }
        for (LogMessageEvent event : week.events(LogMessageEvent.class)) {
            LogEvent log = event.log();
            int s = week.engine.fleet().indexOfId(log.serverId());
            int k = trouble(s, week.at(week.engine.tickOf(log.timestamp()))) ? 1 : 0;
            lines[k]++;
            loud[k] += log.level() == LogLevel.WARN || log.level() == LogLevel.ERROR ? 1 : 0;
        }
        double calmShare = loud[0] / (double) lines[0];
        double troubleShare = loud[1] / (double) lines[1];
        double calmRate = lines[0] / (double) serverTicks[0];
        double troubleRate = lines[1] / (double) serverTicks[1];
        assertThat(lines[1]).isGreaterThan(100);
        assertThat(calmShare).as("WARN/ERROR share of healthy servers without an incident").isLessThan(0.05);
        assertThat(troubleShare).as("WARN/ERROR share of servers in WARNING/CRITICAL or an incident")
                .isGreaterThan(0.8);
        assertThat(troubleRate / calmRate).as("lines per tick, in trouble / calm").isGreaterThan(5);
    }

    @Test
    void theLevelFollowsTheStatus() {
        for (LogMessageEvent event : week.events(LogMessageEvent.class)) {
            LogEvent log = event.log();
            Status status = week.status(week.engine.fleet().indexOfId(log.serverId()))[week.at(
                    week.engine.tickOf(log.timestamp()))];
            switch (status) {
                case CRITICAL:
                case OFFLINE:
                    assertThat(log.level()).as("%s", log).isEqualTo(LogLevel.ERROR);
                    break;
                case WARNING:
                    assertThat(log.level()).as("%s", log).isEqualTo(LogLevel.WARN);
                    break;
                default:
                    assertThat(log.level()).as("%s", log).isIn(LogLevel.INFO, LogLevel.WARN);
            }
        }
    }

    @Test
    void messagesSayWhatIsWrong() {
        Incident diskFull = incidents.stream().filter(i -> i.scenario().equals("disk-full-cascade")).findFirst()
                .orElseThrow();
        List<LogEvent> during = week.events(LogMessageEvent.class).stream().map(LogMessageEvent::log)
                .filter(log -> !log.timestamp().isBefore(diskFull.start())
                        && log.timestamp().isBefore(diskFull.recoveryStart()))
                .toList();
        assertThat(during).filteredOn(log -> log.serverId().equals("db-primary-01")).isNotEmpty()
                .allSatisfy(log -> assertThat(log.message()).containsAnyOf("disk usage", "slow query"))
                .allSatisfy(log -> assertThat(log.source()).isEqualTo("postgres"));
        assertThat(during).filteredOn(log -> log.serverId().equals("web-server-01")).isNotEmpty()
                .allSatisfy(log -> assertThat(log.message()).contains("upstream timed out"))
                .allSatisfy(log -> assertThat(log.source()).isEqualTo("nginx"));
    }

    /** Whether a server is in WARNING or worse, or named by an incident, at a tick of the week. */
    private boolean trouble(int server, int i) {
        if (week.status(server)[i] != Status.HEALTHY) {
            return true;
        }
        Instant at = week.engine.instantOf(week.fromTick + i);
        String host = week.engine.fleet().get(server).hostname();
        for (Incident incident : incidents) {
            if (incident.covers(at) && incident.affected().containsKey(host)) {
                return true;
            }
        }
        return false;
    }
}
