package org.articula.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends prepared JSON bodies open loop: body i is due at start + i / rate whatever happened to the earlier
 * ones, and its wait counts from when it was due, so a stall shows as the delay of every request behind it
 * (no coordinated omission). One sending thread per connection of the client: each takes the next body,
 * sleeps until it is due and sends it. When every connection is busy the next body is late, and its wait
 * counts that too, as a device's would while it cannot get through.
 */
final class OpenLoop {

    /** Told of each answer (or failure) on the thread that sent it. */
    interface Answered {

        /** {@code answer} is null when the request failed without one (connection refused or reset). */
        void answered(int index, long dueNanos, long doneNanos, KeptAliveClient.Answer answer);
    }

    private static final long START_DELAY = TimeUnit.MILLISECONDS.toNanos(50);

    private OpenLoop() {
    }

    /**
     * Sends {@code bodies[from, to)} to {@code url} at {@code rate} per second, one thread per connection of
     * {@code client}, and returns once every one is answered, with the seconds from the first due time to the last
     * sending.
     */
    static double send(KeptAliveClient client, String url, List<byte[]> bodies, int from, int to, int rate,
            Answered answered) throws InterruptedException {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + START_DELAY;
        AtomicInteger next = new AtomicInteger(from);
        AtomicLong lastSent = new AtomicLong(start);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable sender = () -> {
            for (int i = next.getAndIncrement(); i < to && failure.get() == null; i = next.getAndIncrement()) {
                long due = start + (i - from) * period;
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                lastSent.accumulateAndGet(System.nanoTime(), Math::max);
                KeptAliveClient.Answer answer;
                try {
                    answer = client.postJson(url, bodies.get(i));
                } catch (IOException e) {
                    answer = null;
                }
                try {
                    answered.answered(i, due, System.nanoTime(), answer);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        Thread[] threads = new Thread[client.connections()];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(sender, "open-loop-" + t);
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return (lastSent.get() - start) / 1e9;
    }
}
