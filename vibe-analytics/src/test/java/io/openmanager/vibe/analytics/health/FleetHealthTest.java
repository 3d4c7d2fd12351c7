package io.openmanager.vibe.analytics.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.HealthLevel;
import io.openmanager.vibe.core.status.HealthScore;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.core.status.StatusPolicy;
import io.openmanager.vibe.core.status.Threshold;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

class FleetHealthTest {
    private static final Fleet FLEET = Fleet.defaultFleet();
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    /** Every server at cpu 20, memory 40, disk 30: all healthy. */
    private static MutableFleetFrame calmFrame() {
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, MetricSet.standard());
        frame.setTime(0, T0.toEpochMilli());
        for (int s = 0; s < FLEET.size(); s++) {
            frame.set(s, MetricSet.CPU, 20);
            frame.set(s, MetricSet.MEMORY, 40);
            frame.set(s, MetricSet.DISK, 30);
            frame.set(s, MetricSet.NETWORK_IN, 10);
            frame.set(s, MetricSet.NETWORK_OUT, 10);
            frame.set(s, MetricSet.RESPONSE_TIME, 100);
        }
        return frame;
    }

    @Test
    void scoresFollowVibeCoresHealthScoreRule() {
        MutableFleetFrame frame = calmFrame();
        int db = FLEET.indexOfId("db-primary-01");
        int web = FLEET.indexOfId("web-server-01");
        int cache = FLEET.indexOfId("cache-redis-01");
        frame.set(db, MetricSet.DISK, 96);       // disk critical: -25
        frame.set(db, MetricSet.CPU, 92);        // cpu critical: -30 -> 45
        frame.set(web, MetricSet.MEMORY, 85);    // memory warning: -15 -> 85
        frame.setStatus(cache, Status.OFFLINE);  // offline: 0
        FleetHealth health = FleetHealth.summarize(frame.view());

        assertThat(health.timestamp()).isEqualTo(T0);
        assertThat(health.servers()).hasSize(FLEET.size());
        assertThat(health.servers().get(db)).isEqualTo(ServerHealth.of("db-primary-01", Status.CRITICAL,
                Status.HEALTHY, Status.CRITICAL));
        assertThat(health.servers().get(db).score()).isEqualTo(new HealthScore(45));
        assertThat(health.servers().get(web).score()).isEqualTo(new HealthScore(85));
        assertThat(health.servers().get(cache).score()).isEqualTo(new HealthScore(0));
        assertThat(health.servers().get(cache).offline()).isTrue();

        assertThat(health.counts()).isEqualTo(Map.of(HealthLevel.HEALTHY, FLEET.size() - 2,
                HealthLevel.WARNING, 0, HealthLevel.CRITICAL, 2));
        assertThat(health.offline()).isEqualTo(1);
        double mean = (100.0 * (FLEET.size() - 3) + 45 + 85 + 0) / FLEET.size();
        assertThat(health.meanScore()).isEqualTo(mean);
        assertThat(health.score()).isEqualTo(new HealthScore((int) Math.floor(mean)));
        assertThat(health.worst(5)).extracting(ServerHealth::serverId)
                .containsExactly("cache-redis-01", "db-primary-01", "web-server-01");
        assertThat(health.worst(1)).extracting(ServerHealth::serverId).containsExactly("cache-redis-01");
    }

    @Test
    void aServerThatReportedNothingIsOfflineAndMissingValuesAreHealthy() {
        MutableFleetFrame frame = calmFrame();
        for (int m = 0; m < MetricSet.standard().size(); m++) {
            frame.set(0, m, Double.NaN);
        }
        frame.set(1, MetricSet.CPU, Double.NaN);
        FleetHealth health = FleetHealth.summarize(frame.view());
        assertThat(health.servers().get(0).offline()).isTrue();
        assertThat(health.servers().get(1).score()).isEqualTo(HealthScore.PERFECT);
    }

    @Test
    void thePolicyDecidesTheLevels() {
        MutableFleetFrame frame = calmFrame();
        StatusPolicy strict = StatusPolicy.defaults().with(new Threshold("cpu_usage", 10, 15, 1));
        FleetHealth health = FleetHealth.summarize(frame.view(), strict);
        assertThat(health.count(HealthLevel.HEALTHY)).isEqualTo(0); // every cpu 20 is critical: score 70
        assertThat(health.count(HealthLevel.WARNING)).isEqualTo(FLEET.size());
    }

    @Test
    void aShardSummarisesItsOwnServers() {
        MutableFleetFrame shard = new MutableFleetFrame(FLEET, MetricSet.standard(), 5, 8);
        shard.set(6, MetricSet.MEMORY, 99);
        FleetHealth health = FleetHealth.summarize(shard.view());
        assertThat(health.servers()).extracting(ServerHealth::serverId)
                .containsExactly(FLEET.get(5).id(), FLEET.get(6).id(), FLEET.get(7).id());
        assertThat(health.servers().get(1).memory()).isEqualTo(Status.CRITICAL);
    }

    @Test
    void describesItselfInEnglishAndKorean() {
        MutableFleetFrame frame = calmFrame();
        int db = FLEET.indexOfId("db-primary-01");
        frame.set(db, MetricSet.DISK, 96);
        frame.set(db, MetricSet.CPU, 80);
        FleetHealth health = FleetHealth.summarize(frame.view());
        assertThat(health.describe(Locale.ENGLISH, 3)).isEqualTo("Fleet health at 2026-01-05T10:00:00Z: mean score "
                + "98.0; 19 healthy, 1 warning, 0 critical (0 offline). Worst: db-primary-01 60 (cpu warning, disk "
                + "critical).");
        assertThat(health.describe(Locale.KOREAN, 3)).isEqualTo("2026-01-05T10:00:00Z 기준 전체 서버 상태: 평균 점수 "
                + "98.0; 정상 19대, 경고 1대, 심각 0대 (오프라인 0대). 가장 나쁜 서버: db-primary-01 60점 (CPU 경고, "
                + "디스크 심각).");
        assertThat(FleetHealth.summarize(calmFrame().view()).describe(Locale.ENGLISH, 3))
                .isEqualTo("Fleet health at 2026-01-05T10:00:00Z: mean score 100.0; 20 healthy, 0 warning, "
                        + "0 critical (0 offline).");
    }

    @Test
    void badInputIsRefusedClearly() {
        FleetHealth health = FleetHealth.summarize(calmFrame().view());
        assertThatThrownBy(() -> health.worst(-1)).hasMessage("n must be >= 0: -1");
        assertThatThrownBy(() -> new ServerHealth("x", new HealthScore(90), Status.CRITICAL, Status.HEALTHY,
                Status.HEALTHY))
                .hasMessage("score of 'x' must be 70 for cpu CRITICAL, memory HEALTHY, disk HEALTHY: 90");
        assertThat(new FleetHealth(T0, List.of()).meanScore()).isEqualTo(100);
    }

    @Property(tries = 200)
    void theLevelCountsAddUpAndTheMeanLiesBetweenTheExtremes(@ForAll @DoubleRange(min = 0, max = 100) double cpu,
                                                             @ForAll @DoubleRange(min = 0, max = 100) double memory,
                                                             @ForAll @DoubleRange(min = 0, max = 100) double disk) {
        MutableFleetFrame frame = calmFrame();
        frame.set(3, MetricSet.CPU, cpu);
        frame.set(3, MetricSet.MEMORY, memory);
        frame.set(3, MetricSet.DISK, disk);
        FleetHealth health = FleetHealth.summarize(frame.view());
        assertThat(health.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FLEET.size());
        ServerHealth three = health.servers().get(3);
        assertThat(three.score().value()).isEqualTo(HealthScore.compute(
                StatusPolicy.defaults().threshold("cpu_usage").get().classify(cpu),
                StatusPolicy.defaults().threshold("memory_usage").get().classify(memory),
                StatusPolicy.defaults().threshold("disk_usage").get().classify(disk)));
        assertThat(health.meanScore()).isBetween((double) three.score().value(), 100.0);
    }
}
