package org.articula.localstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The same request sent by several clients at the same moment, as a phone retrying after a timeout
 * does: every one waits at a gate, then all go at once.
 */
public final class IdenticalRequests {

    /** What one of them was answered. */
    public record Answer(int status, String body) {
    }

    private IdenticalRequests() {
    }

    /** Sends {@code request} {@code n} times at once and returns the answers, in no particular order. */
    public static List<Answer> sendAtOnce(int n, Supplier<Response> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    Response response = request.get();
                    return new Answer(response.statusCode(), response.asString());
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * A create sent {@code n} times at once: one 201 and the others 200, every body the same (what a
     * sequential repeat gets). Returns that body.
     */
    public static String assertOneCreatedTheRestRepeats(List<Answer> answers) {
        List<Integer> statuses = answers.stream().map(Answer::status).sorted().toList();
        List<Integer> expected = new ArrayList<>(Collections.nCopies(answers.size() - 1, 200));
        expected.add(201);
        assertEquals(expected, statuses, () -> "one 201 and the rest 200, got " + answers);
        return sameBody(answers);
    }

    /** A change sent {@code n} times at once: every answer {@code status} with the same body. Returns it. */
    public static String assertAllAlike(List<Answer> answers, int status) {
        assertTrue(answers.stream().allMatch(a -> a.status() == status), () -> "all " + status + ", got " + answers);
        return sameBody(answers);
    }

    private static String sameBody(List<Answer> answers) {
        String first = answers.get(0).body();
        assertTrue(answers.stream().allMatch(a -> a.body().equals(first)), () -> "identical bodies, got " + answers);
        return first;
    }
}
