package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

class EventHubTest {

    /** A client that completes its writes at once (or never, when stalled) and remembers what it got. */
    private static final class FakeClient implements EventHub.Sink {
        final List<String> received = Collections.synchronizedList(new ArrayList<>());
        final boolean stalled;
        volatile String closedBecause;
        volatile boolean closed;

        FakeClient(boolean stalled) {
            this.stalled = stalled;
        }

        @Override
        public void write(String text, Consumer<Throwable> done) {
            received.add(text);
            if (!stalled) {
                done.accept(null);
            }
        }

        @Override
        public void close(String reason) {
            closedBecause = reason;
            closed = true;
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            synchronized (received) {
                for (String chunk : received) {
                    for (String line : chunk.split("\n")) {
                        if (line.startsWith("id: ")) {
                            ids.add(line.substring(4));
                        }
                    }
                }
            }
            return ids;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aNewClientGetsWhatComesAfterItAndAResumingClientWhatItMissed() throws Exception {
        try (EventHub hub = new EventHub(16, TimeUnit.SECONDS.toNanos(10))) {
            for (int i = 1; i <= 5; i++) {
                hub.append("{\"n\":" + i + "}");
            }
            FakeClient fresh = new FakeClient(false);
            FakeClient resuming = new FakeClient(false);
            hub.subscribe(fresh, null);
            hub.subscribe(resuming, 3L);
            hub.append("{\"n\":6}");

            await(() -> fresh.ids().size() == 1 && resuming.ids().size() == 3);
            assertThat(fresh.ids()).containsExactly("6");
            assertThat(resuming.ids()).containsExactly("4", "5", "6");
            assertThat(String.join("", resuming.received)).startsWith("id: 4\ndata: {\"n\":4}\n\n");
            assertThat(hub.subscribers()).isEqualTo(2);
        }
    }

    @Test
    void aClientThatFallsBehindTheBufferIsDroppedAndCountedWhilePublishingNeverWaits() throws Exception {
        try (EventHub hub = new EventHub(8, TimeUnit.SECONDS.toNanos(60))) {
            FakeClient slow = new FakeClient(true);
            FakeClient fast = new FakeClient(false);
            hub.subscribe(slow, null);
            hub.subscribe(fast, null);
            hub.append("{\"n\":1}");
            await(() -> slow.received.size() == 1);

            long appendNanos = 0;
            for (int i = 2; i <= 20; i++) {
                long before = System.nanoTime();
                hub.append("{\"n\":" + i + "}");
                appendNanos += System.nanoTime() - before;
                String id = String.valueOf(i);
                await(() -> fast.ids().contains(id));
            }
            await(() -> slow.closed);

            assertThat(TimeUnit.NANOSECONDS.toMillis(appendNanos)).as("publishing never waits for a client")
                    .isLessThan(1000);
            assertThat(slow.ids()).containsExactly("1");
            assertThat(slow.closedBecause).isEqualTo("slow client dropped: it fell more than 8 events behind");
            assertThat(hub.droppedClients()).isEqualTo(1);
            assertThat(hub.subscribers()).isEqualTo(1);
        }
    }

    @Test
    void aWriteThatStaysPendingTooLongDropsTheClient() throws Exception {
        try (EventHub hub = new EventHub(1000, TimeUnit.MILLISECONDS.toNanos(100))) {
            FakeClient stalled = new FakeClient(true);
            hub.subscribe(stalled, null);
            hub.append("{}");
            await(() -> stalled.closed);

            assertThat(stalled.closedBecause)
                    .isEqualTo("slow client dropped: a write was pending for more than 100 ms");
            assertThat(hub.droppedClients()).isEqualTo(1);
            assertThat(hub.subscribers()).isZero();
        }
    }
}
