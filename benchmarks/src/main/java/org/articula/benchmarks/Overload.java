package org.articula.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.articula.localstack.LocalStack;

/**
 * More single lots than the service can take: open loop at a fixed rate (each request's wait counts
 * from when it was due). A request the service cannot serve quickly must be refused at once with a
 * 503 problem+json and Retry-After; afterwards every refused lot is sent again, as a device's outbox
 * does, and the lots database must hold each lot of the phase exactly once.
 */
final class Overload {

    /**
     * What the phase saw: accepted answers' latencies, every answer's wait, refusals (and those that
     * were not a 503 problem+json with Retry-After), lots stored once after the retries, and lots-service's own
     * timer before and after the sending (the retries not included).
     */
    record Result(int sent, double offeredRate, Percentiles accepted, Percentiles everyAnswer, int refused,
            int badRefusals, int connectionFailures, int retryRounds, long stored, long inPayments,
            ServerTimer serverBefore, ServerTimer serverAfter) {
    }

    /**
     * Connections (and sending threads). lots-service holds at most 20 requests at once (4 in service, 16 waiting;
     * decision 0045) and answers the rest at once, so 64 keep requests going out on time through anything short
     * of a stall of the whole service.
     */
    static final int CONNECTIONS = 64;

    private Overload() {
    }

    static Result measure(Api api, String lotsService, LocalStack stack, List<Map<String, Object>> lots, int rate,
            Progress progress) throws Exception {
        int n = lots.size();
        String url = lotsService + Api.LOTS_PATH;
        List<byte[]> bodies = new ArrayList<>(n);
        for (Map<String, Object> lot : lots) {
            bodies.add(Api.writeBytes(lot));
        }
        ServerTimer serverBefore = ServerTimer.read(api, lotsService, Api.LOTS_PATH);
        long[] wait = new long[n];
        int[] status = new int[n];
        boolean[] goodRefusal = new boolean[n];
        AtomicInteger answered = new AtomicInteger();
        try (KeptAliveClient client = api.keptAlive(CONNECTIONS)) {
            OpenLoop.send(client, url, bodies, 0, n, rate, (k, due, done, answer) -> {
                wait[k] = done - due;
                status[k] = answer == null ? -1 : answer.status();
                goodRefusal[k] = answer != null && isProblem503(answer);
                int c = answered.incrementAndGet();
                if (c % rate == 0) {
                    progress.update(0.7 * c / n, c + "/" + n + " lots at " + rate + "/s");
                }
            });
        }
        ServerTimer serverAfter = ServerTimer.read(api, lotsService, Api.LOTS_PATH);
        return summarise(api, stack, url, bodies, lots, rate, wait, status, goodRefusal, progress, serverBefore,
                serverAfter);
    }

    private static Result summarise(Api api, LocalStack stack, String url, List<byte[]> bodies,
            List<Map<String, Object>> lots, int rate, long[] wait, int[] status, boolean[] goodRefusal,
            Progress progress, ServerTimer serverBefore, ServerTimer serverAfter) throws Exception {
        List<Long> accepted = new ArrayList<>();
        List<Integer> toRetry = new ArrayList<>();
        int refused = 0;
        int bad = 0;
        int connectionFailures = 0;
        for (int i = 0; i < status.length; i++) {
            if (status[i] == 201) {
                accepted.add(wait[i]);
                continue;
            }
            toRetry.add(i);
            if (status[i] == -1) {
                connectionFailures++;
            } else {
                refused++;
                bad += goodRefusal[i] ? 0 : 1;
            }
        }
        progress.update(0.75, toRetry.size() + " refused lots sent again");
        int rounds = retry(api, url, bodies, toRetry);
        UUID[] ids = lots.stream().map(l -> (UUID) l.get("id")).toArray(UUID[]::new);
        long stored = count(stack.database("lots"), "select count(*) from lot where id = any(?)", ids, ids.length);
        long inPayments = count(stack.database("payments"), "select count(*) from lot_ref where id = any(?)", ids,
                ids.length);
        return new Result(status.length, rate, new Percentiles(accepted.stream().mapToLong(Long::longValue).toArray()),
                new Percentiles(wait), refused, bad, connectionFailures, rounds, stored, inPayments, serverBefore,
                serverAfter);
    }

    /** A refusal as the issue asks for it: 503, problem+json, with Retry-After. */
    private static boolean isProblem503(KeptAliveClient.Answer answer) {
        return answer.status() == 503 && answer.contentType() != null
                && answer.contentType().startsWith("application/problem+json") && answer.retryAfter() != null
                && answer.body().contains("\"status\"");
    }

    /**
     * Sends the refused lots again, one at a time as a device would after its Retry-After, until each is
     * answered 201 (or 200: an identical repeat of one the service had stored after all). Returns rounds.
     */
    private static int retry(Api api, String url, List<byte[]> bodies, List<Integer> pending) throws Exception {
        int rounds = 0;
        List<Integer> left = new ArrayList<>(pending);
        try (KeptAliveClient device = api.keptAlive(1)) {
            while (!left.isEmpty()) {
                if (++rounds > 20) {
                    throw new IllegalStateException(left.size() + " lots still refused after 20 rounds of retries");
                }
                Thread.sleep(1_000);
                List<Integer> next = new ArrayList<>();
                for (int i : left) {
                    int s = device.postJson(url, bodies.get(i)).status();
                    if (s != 201 && s != 200) {
                        next.add(i);
                    }
                }
                left = next;
            }
        }
        return rounds;
    }

    /** How many of {@code ids} the query counts once it stops growing (payments learns them by events). */
    private static long count(LocalStack.Database db, String sql, UUID[] ids, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        try (Connection c = Population.connect(db); PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf("uuid", ids));
            while (true) {
                long n;
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
                if (n >= expected || Instant.now().isAfter(deadline)) {
                    return n;
                }
                Thread.sleep(200);
            }
        }
    }
}
