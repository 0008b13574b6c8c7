package org.articula.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lots per second stored by lots-service's batch API, several batches in flight at once. Its
 * baselines (the same rows inserted again by plain JDBC) are {@link EveryRowBaseline}'s.
 */
final class Ingestion {

    record Result(int lots, double seconds, Percentiles batchMillis) {

        double perSecond() {
            return lots / seconds;
        }
    }

    private Ingestion() {
    }

    static Result viaBatchApi(Api api, String lotsService, List<Map<String, Object>> lots, int batchSize,
            int connections, Progress progress) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < lots.size(); i += batchSize) {
            String body = Api.write(Map.of("lots", lots.subList(i, Math.min(lots.size(), i + batchSize))));
            requests.add(api.postJson(lotsService + "/api/v1/lots/batch", body));
        }
        AtomicInteger done = new AtomicInteger();
        long[] batchNanos = new long[requests.size()];
        return inParallel(lots.size(), requests.size(), connections, b -> {
            long t = System.nanoTime();
            Api.Response response = Api.expect(api.send(requests.get(b)), "POST /api/v1/lots/batch", 200);
            batchNanos[b] = System.nanoTime() - t;
            Map<String, Integer> counts = counts(response.body());
            if (!counts.keySet().containsAll(List.of("total", "created", "refused"))) {
                throw new IOException("batch " + b + ": the answer does not start with its counts: " + counts);
            }
            if (counts.get("refused") != 0 || !counts.get("created").equals(counts.get("total"))) {
                throw new IOException("batch " + b + " did not create every lot: " + counts);
            }
            int n = done.incrementAndGet();
            progress.update((double) n / requests.size(), n + "/" + requests.size() + " batches");
        }, batchNanos);
    }

    /**
     * The counts that open a batch answer (total, created, unchanged, refused), read without the receipts
     * after them: a tree of 2,000 receipts a batch was most of this process's CPU, taken from the two
     * cores the measured system runs on.
     */
    static Map<String, Integer> counts(String answer) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (JsonParser parser = Api.JSON.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return counts;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                    break; // the receipts
                }
                counts.put(name, parser.getIntValue());
            }
        }
        return counts;
    }

    @FunctionalInterface
    interface Batch {
        void run(int index) throws Exception;
    }

    /** Runs {@code batches} on {@code threads} threads, each taking the next batch when done with one. */
    static Result inParallel(int items, int batches, int threads, Batch batch, long[] batchNanos)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        long started = System.nanoTime();
                        batch.run(b);
                        if (batchNanos[b] == 0) {
                            batchNanos[b] = System.nanoTime() - started;
                        }
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            List<Future<Void>> futures = pool.invokeAll(workers);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (Future<Void> f : futures) {
                f.get(); // a failed batch fails the measurement
            }
            return new Result(items, seconds, new Percentiles(batchNanos));
        } finally {
            pool.shutdownNow();
        }
    }
}
