package org.articula.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single lots closed loop: a few clients, each sending its next lot as soon as the previous one is
 * answered (as wrk does), for a fixed time after a warm-up of the same kind. What it shows is the
 * capacity of the single-lot path and its latency at that capacity.
 */
final class ClosedLoop {

    /** Lots answered 201 in the measured seconds, their latencies, and the failures. */
    record Result(int lots, double seconds, Percentiles latency, int failed) {

        double perSecond() {
            return lots / seconds;
        }
    }

    private ClosedLoop() {
    }

    /** Clients sending as the measured run will, not counted: the JIT and the pools warm up. */
    static void warmUp(Api api, String lotsService, LotSupply supply, int clients, int seconds, Progress progress)
            throws Exception {
        run(api, lotsService, supply, clients, seconds, null, progress, "warm-up");
        Thread.sleep(1_000); // what the warm-up left to the relay and the consumer settles
    }

    static Result measure(Api api, String lotsService, LotSupply supply, int clients, int seconds, Progress progress)
            throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        int failed = run(api, lotsService, supply, clients, seconds, latencies, progress, "measured");
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Result(nanos.length, elapsed, new Percentiles(nanos), failed);
    }

    /** Runs the clients for {@code seconds}; returns how many requests failed. */
    private static int run(Api api, String lotsService, LotSupply supply, int clients, int seconds,
            ConcurrentLinkedQueue<Long> latencies, Progress progress, String label) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        String url = lotsService + Api.LOTS_PATH;
        try (KeptAliveClient client = api.keptAlive(clients)) {
            List<Future<Void>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        // Serialised before the clock starts: the client's JSON is not the service's latency.
                        byte[] body = Api.writeBytes(supply.next());
                        long t = System.nanoTime();
                        int status = client.postJson(url, body).status();
                        long took = System.nanoTime() - t;
                        if (status != 201) {
                            failed.incrementAndGet();
                        } else if (latencies != null) {
                            latencies.add(took);
                        }
                        if (done.incrementAndGet() % 500 == 0) {
                            double left = Math.max(0, (end - System.nanoTime()) / 1e9);
                            progress.update(1 - left / seconds, done.get() + " lots (" + label + ")");
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return failed.get();
    }
}
