package io.openmanager.vibe.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Collections;

/** {@link SimulationSpec#engine()}: one engine per spec and JVM, even when readers ask at once; a bounded cache. */
class SimulationSpecTest {

    @Test
    void readersAskingAtOnceShareOneEngine() throws Exception {
        SimulationSpec spec = SimulationSpec.builder().seed(-4711).servers(2000).noScenarios().build();
        int readers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<SimulationEngine>> engines = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                engines.add(pool.submit(() -> {
                    go.await();
                    return SimulationSpec.builder().seed(-4711).servers(2000).noScenarios().build().engine();
                }));
            }
            go.countDown();
            Set<SimulationEngine> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<SimulationEngine> engine : engines) {
                distinct.add(engine.get());
            }
            assertThat(distinct).hasSize(1).containsExactly(spec.engine());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewSpecEvictsOnlyTheLeastRecentlyUsedEngine() {
        SimulationSpec kept = SimulationSpec.builder().seed(-1).noScenarios().build();
        SimulationEngine keptEngine = kept.engine();
        SimulationSpec evicted = SimulationSpec.builder().seed(-2).noScenarios().build();
        SimulationEngine evictedEngine = evicted.engine();
        for (int seed = -3; seed >= -5; seed--) {
            SimulationSpec.builder().seed(seed).noScenarios().build().engine();
            assertThat(kept.engine()).isSameAs(keptEngine);
        }
        SimulationSpec.builder().seed(-6).noScenarios().build().engine();

        assertThat(kept.engine()).isSameAs(keptEngine);
        assertThat(evicted.engine()).isNotSameAs(evictedEngine);
    }
}
