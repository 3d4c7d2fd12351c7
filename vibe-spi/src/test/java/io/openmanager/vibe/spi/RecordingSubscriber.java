package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Records signals and checks the Reactive Streams contract from the subscriber's side: onSubscribe first, no onNext
 * beyond what was requested, nothing after a terminal signal.
 */
class RecordingSubscriber implements Flow.Subscriber<VibeEvent> {
    private final long initialRequest;
    private final List<VibeEvent> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    private long outstanding;
    private boolean completed;
    private Throwable error;

    RecordingSubscriber(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        synchronized (this) {
            if (this.subscription != null) {
                violations.add("onSubscribe twice");
            }
            this.subscription = subscription;
        }
        if (initialRequest > 0) {
            request(initialRequest);
        }
    }

    @Override
    public void onNext(VibeEvent item) {
        synchronized (this) {
            if (subscription == null || completed || error != null) {
                violations.add("onNext out of place: " + item);
            }
            if (outstanding == 0) {
                violations.add("onNext without demand: " + item);
            } else if (outstanding != Long.MAX_VALUE) {
                outstanding--;
            }
            received.add(item);
        }
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        if (completed || error != null) {
            violations.add("second terminal signal: " + throwable);
        }
        error = throwable;
        terminated.countDown();
    }

    @Override
    public synchronized void onComplete() {
        if (completed || error != null) {
            violations.add("second terminal signal: onComplete");
        }
        completed = true;
        terminated.countDown();
    }

    void request(long n) {
        synchronized (this) {
            outstanding = n <= 0 ? outstanding : Math.min(Long.MAX_VALUE - n, outstanding) + n;
        }
        subscription.request(n);
    }

    void cancel() {
        subscription.cancel();
    }

    boolean isSubscribed() {
        return subscription != null;
    }

    synchronized List<VibeEvent> received() {
        return List.copyOf(received);
    }

    List<Integer> numbers() {
        return TestEvents.numbers(received());
    }

    synchronized boolean completed() {
        return completed;
    }

    synchronized Throwable error() {
        return error;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    void awaitTermination() throws InterruptedException {
        if (!terminated.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no onComplete or onError within 10 s; received " + numbers());
        }
    }
}
