package org.articula.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.articula.localstack.LocalStack;

/**
 * Single lots at a fixed rate, open loop: request i is due at start + i / rate whatever happened to the
 * earlier ones, and its latency counts from when it was due, so a stall shows as the delay of every
 * request behind it (no coordinated omission). Meanwhile a poller watches payments-service's read model
 * for each acknowledged lot: propagation is from the 201 to the lot being in {@code lot_ref}.
 */
final class Latency {

    /** Latency of the measured requests (warm-up excluded), propagation of the same lots, failures. */
    record Result(Percentiles latency, Percentiles propagation, int failed, int notPropagated, double achievedRate) {
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * Connections (and sending threads): at 200 lots/s and a few milliseconds each, a handful are busy at once;
     * the rest are there for a stall, during which requests keep going out on time until all are taken.
     */
    static final int CONNECTIONS = 32;

    private Latency() {
    }

    /**
     * The first {@code warmUp} lots are a warm-up run at the same rate, awaited and followed by a pause,
     * so the JIT compiling the single-lot path, or a queue it causes, is not charged to the measured lots.
     */
    static Result measure(Api api, String lotsService, LocalStack.Database payments, List<Map<String, Object>> lots,
            int rate, int warmUp, Progress progress) throws Exception {
        int n = lots.size();
        List<byte[]> bodies = new ArrayList<>(n);
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            bodies.add(Api.writeBytes(lots.get(i)));
            index.put((UUID) lots.get(i).get("id"), i);
        }
        String url = lotsService + Api.LOTS_PATH;
        long[] latency = new long[n];
        long[] acked = new long[n];
        long[] seen = new long[n];
        boolean[] failed = new boolean[n];
        ConcurrentLinkedQueue<Integer> toWatch = new ConcurrentLinkedQueue<>();
        AtomicInteger completed = new AtomicInteger();

        double sendingSeconds;
        Thread poller = new Thread(() -> poll(payments, lots, index, toWatch, seen, completed, n),
                "propagation-poller");
        try (KeptAliveClient client = api.keptAlive(CONNECTIONS)) {
            openLoop(client, url, bodies, 0, warmUp, rate, latency, acked, failed, null, completed, progress, n);
            Thread.sleep(1_000); // what the warm-up left in flight (relay, consumer) settles

            poller.setDaemon(true);
            poller.start();
            sendingSeconds = openLoop(client, url, bodies, warmUp, n, rate, latency, acked, failed, toWatch,
                    completed, progress, n);
        }
        progress.update(0.9, "waiting for the last lots to reach payments-service");
        poller.join(TimeUnit.SECONDS.toMillis(60));
        poller.interrupt();
        String traceFile = System.getenv("ARTICULA_BENCH_LATENCY_TRACE");
        if (traceFile != null && !traceFile.isBlank()) {
            trace(Path.of(traceFile), acked, latency, failed, warmUp);
        }
        return result(latency, acked, seen, failed, warmUp, sendingSeconds);
    }

    /** The measured lots' (after the warm-up) latencies, propagation delays, failures and lots never seen. */
    private static Result result(long[] latency, long[] acked, long[] seen, boolean[] failed, int warmUp,
            double sendingSeconds) {
        int n = latency.length;
        List<Long> latencies = new ArrayList<>();
        List<Long> propagation = new ArrayList<>();
        int failures = 0;
        int missing = 0;
        for (int i = warmUp; i < n; i++) {
            latencies.add(latency[i]);
            if (failed[i]) {
                failures++;
            } else if (seen[i] == 0) {
                missing++;
            } else {
                propagation.add(Math.max(0, seen[i] - acked[i]));
            }
        }
        return new Result(new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray()),
                new Percentiles(propagation.stream().mapToLong(Long::longValue).toArray()), failures, missing,
                (n - warmUp) / sendingSeconds);
    }

    /** Sends bodies [from, to) open loop; returns the seconds the sending took. */
    private static double openLoop(KeptAliveClient client, String url, List<byte[]> bodies, int from, int to,
            int rate, long[] latency, long[] acked, boolean[] failed, ConcurrentLinkedQueue<Integer> toWatch,
            AtomicInteger completed, Progress progress, int n) throws InterruptedException {
        return OpenLoop.send(client, url, bodies, from, to, rate, (k, due, done, answer) -> {
            latency[k] = done - due;
            acked[k] = done;
            if (answer == null || answer.status() != 201) {
                failed[k] = true;
            } else if (toWatch != null) {
                toWatch.add(k);
            }
            int c = completed.incrementAndGet();
            if (c % rate == 0) {
                progress.update(0.9 * c / n, c + "/" + n + " lots at " + rate + "/s"
                        + (toWatch == null ? " (warm-up)" : ""));
            }
        });
    }

    /**
     * Lots {@code [from, n)} as CSV (when each was due, as wall-clock time; its wait in ms; whether it failed), to
     * line slow lots up with GC and perf records: ARTICULA_BENCH_LATENCY_TRACE=file, a measuring aid, off by default.
     * {@code answered} holds {@link System#nanoTime()} values; a lot was due its wait before it was answered.
     */
    static void trace(Path file, long[] answered, long[] latency, boolean[] failed, int from) throws IOException {
        long epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        StringBuilder csv = new StringBuilder("due,wait_ms,failed\n");
        for (int i = from; i < answered.length; i++) {
            csv.append(Instant.ofEpochSecond(0, answered[i] - latency[i] + epochOffsetNanos)).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", latency[i] / 1e6)).append(',').append(failed[i])
                    .append('\n');
        }
        Files.writeString(file, csv);
    }

    // Every 10 ms: which of the acknowledged lots payments-service now has.
    private static void poll(LocalStack.Database payments, List<Map<String, Object>> lots, Map<UUID, Integer> index,
            ConcurrentLinkedQueue<Integer> toWatch, long[] seen, AtomicInteger completed, int n) {
        List<Integer> pending = new ArrayList<>();
        int found = 0;
        try (Connection c = Population.connect(payments);
                PreparedStatement q = c.prepareStatement("select id from lot_ref where id = any(?)")) {
            while (!Thread.currentThread().isInterrupted()) {
                long round = System.nanoTime();
                for (Integer k = toWatch.poll(); k != null; k = toWatch.poll()) {
                    pending.add(k);
                }
                if (!pending.isEmpty()) {
                    q.setArray(1, c.createArrayOf("uuid", pending.stream().map(k -> lots.get(k).get("id")).toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            int k = index.get(rs.getObject(1, UUID.class));
                            seen[k] = now;
                            found++;
                        }
                    }
                    pending.removeIf(k -> seen[k] != 0);
                }
                if (completed.get() == n && pending.isEmpty() && toWatch.isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(Math.max(0, POLL_NANOS - (System.nanoTime() - round)));
            }
        } catch (Exception e) {
            System.err.println("\npropagation poller stopped after " + found + " lots: " + e);
        }
    }
}
