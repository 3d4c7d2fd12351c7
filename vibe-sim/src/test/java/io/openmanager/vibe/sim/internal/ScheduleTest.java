package io.openmanager.vibe.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link Schedule}: manual firings from several threads are all counted, so that readers see each of them. */
class ScheduleTest {

    @Test
    void concurrentManualFiringsEachBumpTheVersion() throws Exception {
        Fleet fleet = Fleet.defaultFleet();
        Schedule schedule = new Schedule(42, fleet, MetricSet.standard(), ZoneOffset.UTC, BuiltInScenarios.all(),
                new int[fleet.size()][0]);
        String scenario = BuiltInScenarios.all().get(0).name();
        int threads = 4;
        int firings = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] done = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                long base = t * 1_000_000_000L;
                done[t] = pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < firings; i++) {
                        schedule.fire(scenario, base + i * 60_000L);
                    }
                    return null;
                });
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(schedule.manualVersion()).isEqualTo(threads * firings);
    }
}
