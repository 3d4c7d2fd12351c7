package io.openmanager.vibe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The real-time driver paces ticks against an injected clock, never skips one, and stops when asked. */
class RealtimeDriverTest {
    private static final Instant WALL_START = Instant.parse("2030-01-01T00:00:00Z");

    private final SimulationEngine engine = SimulationEngine.builder().seed(42).build();

    @Test
    void atSpeedOneATickIsDueEveryStepOfWallTime() {
        FakeTime time = new FakeTime();
        Produced produced = new Produced(time);
        RealtimeDriver driver = engine.realtime(produced).clock(time).sleeper(time);
        time.stopAfter(driver, Duration.ofSeconds(60));

        driver.run();

        // Ticks are due at 0, 5, ..., 60 s: 13 of them, each produced exactly when due.
        assertThat(produced.ticks).hasSize(13);
        assertThat(driver.produced()).isEqualTo(13);
        for (int k = 0; k < produced.ticks.size(); k++) {
            assertThat(produced.ticks.get(k)).isEqualTo(k);
            assertThat(produced.wall.get(k)).isEqualTo(WALL_START.plusSeconds(5L * k));
        }
    }

    @Test
    void atSpeedSixtyOneSimulatedMinutePassesEachSecond() {
        FakeTime time = new FakeTime();
        Produced produced = new Produced(time);
        RealtimeDriver driver = engine.realtime(produced).clock(time).sleeper(time).speed(60);
        time.stopAfter(driver, Duration.ofSeconds(10));

        driver.run();

        // A tick every 5 s / 60 = 83.3 ms: ticks 0 to 120 are due within 10 s, 10 simulated minutes.
        assertThat(produced.ticks).hasSize(121);
        for (int k = 0; k < produced.ticks.size(); k++) {
            long dueNanos = (long) (k * (5e9 / 60));
            assertThat(produced.wall.get(k)).isEqualTo(WALL_START.plusNanos(dueNanos));
        }
    }

    @Test
    void afterAStallTheLateTicksAreAllProducedInOrder() {
        FakeTime time = new FakeTime();
        Produced produced = new Produced(time);
        RealtimeDriver driver = engine.realtime(produced).clock(time).sleeper(time).fromTick(1000);
        time.stallAt(WALL_START.plusSeconds(20), Duration.ofSeconds(32));
        time.stopAfter(driver, Duration.ofSeconds(90));

        driver.run();

        assertThat(produced.ticks).hasSize(19);
        for (int k = 0; k < produced.ticks.size(); k++) {
            assertThat(produced.ticks.get(k)).as("never skipped").isEqualTo(1000 + k);
        }
        // The host stalled from 20 s to 52 s: the ticks due at 20 ... 50 s come back to back at 52 s.
        assertThat(produced.wall.get(3)).isEqualTo(WALL_START.plusSeconds(15));
        for (int k = 4; k <= 10; k++) {
            assertThat(produced.wall.get(k)).isEqualTo(WALL_START.plusSeconds(52));
        }
        assertThat(produced.wall.get(11)).isEqualTo(WALL_START.plusSeconds(55));
    }

    @Test
    void theUntilTickEndsTheRunByItself() {
        FakeTime time = new FakeTime();
        Produced produced = new Produced(time);
        RealtimeDriver driver = engine.realtime(produced).clock(time).sleeper(time).fromTick(100).untilTick(110);

        driver.run();

        assertThat(produced.ticks).containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L);
        assertThat(driver.produced()).isEqualTo(10);
    }

    @Test
    void framesAndEventsAreTheSameAsABatchRunOfTheSameTicks() {
        FakeTime time = new FakeTime();
        Recorder live = new Recorder();
        engine.realtime(live).clock(time).sleeper(time).speed(1000).threads(2).fromTick(24_800).untilTick(24_900)
                .run();
        Recorder batch = Recorder.run(engine, 24_800, 24_900);

        assertThat(live.frames).hasSize(100);
        for (int i = 0; i < 100; i++) {
            for (int s = 0; s < 20; s++) {
                for (int m = 0; m < 6; m++) {
                    assertThat(live.frames.get(i).value(s, m)).isEqualTo(batch.frames.get(i).value(s, m));
                }
                assertThat(live.frames.get(i).status(s)).isEqualTo(batch.frames.get(i).status(s));
            }
        }
        assertThat(live.events).isEqualTo(batch.events).isNotEmpty();
    }

    @Test
    void stopFromAnotherThreadEndsTheRun() throws InterruptedException {
        FakeTime time = new FakeTime();
        CountDownLatch running = new CountDownLatch(20);
        RealtimeDriver driver = engine.realtime(event -> {
            if (event instanceof FrameEvent) {
                running.countDown();
            }
        }).clock(time).sleeper(duration -> {
            time.sleep(duration);
            Thread.sleep(1);
        });
        Thread thread = new Thread(driver::run, "driver");
        thread.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        driver.stop();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        long produced = driver.produced();
        assertThat(produced).isGreaterThanOrEqualTo(20);
        Thread.sleep(20);
        assertThat(driver.produced()).isEqualTo(produced);
    }

    @Test
    void anInterruptEndsTheRunAndKeepsTheInterruptFlag() throws InterruptedException {
        CountDownLatch firstTick = new CountDownLatch(1);
        AtomicBoolean flagAfterRun = new AtomicBoolean();
        // The system clock and sleeper: the first tick is due at once, the second one 5 s later.
        RealtimeDriver driver = engine.realtime(event -> firstTick.countDown());
        Thread thread = new Thread(() -> {
            driver.run();
            flagAfterRun.set(Thread.currentThread().isInterrupted());
        }, "driver");
        thread.start();
        assertThat(firstTick.await(10, TimeUnit.SECONDS)).isTrue();

        thread.interrupt();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(flagAfterRun).isTrue();
        assertThat(driver.produced()).isEqualTo(1);
    }

    /** Wall time that passes only when the driver sleeps; can stall once and stop the driver after a while. */
    private static final class FakeTime implements InstantSource, RealtimeDriver.Sleeper {
        private volatile Instant now = WALL_START;
        private Instant stallAt;
        private Duration stall;
        private RealtimeDriver toStop;
        private Instant stopAfter;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            now = now.plus(duration);
            if (stallAt != null && !now.isBefore(stallAt)) {
                now = stallAt.plus(stall);
                stallAt = null;
            }
            if (toStop != null && now.isAfter(stopAfter)) {
                toStop.stop();
            }
        }

        void stallAt(Instant at, Duration length) {
            stallAt = at;
            stall = length;
        }

        void stopAfter(RealtimeDriver driver, Duration wall) {
            toStop = driver;
            stopAfter = WALL_START.plus(wall);
        }
    }

    /** The ticks produced and the wall instant of each. */
    private static final class Produced implements io.openmanager.vibe.spi.VibeListener {
        final List<Long> ticks = new ArrayList<>();
        final List<Instant> wall = new ArrayList<>();
        private final InstantSource clock;

        Produced(InstantSource clock) {
            this.clock = clock;
        }

        @Override
        public void onEvent(VibeEvent event) {
            if (event instanceof FrameEvent) {
                ticks.add(((FrameEvent) event).frame().tick());
                wall.add(clock.instant());
            }
        }
    }
}
