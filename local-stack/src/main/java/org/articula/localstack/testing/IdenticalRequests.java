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
 * does: every one waits at a gate, then all go at once. In {@link #sendAtOnce} a client refused with 503
 * {@code overloaded} sends the same request again after its Retry-After, as every client must
 * (docs/decisions/0034-load-shedding.md): a service may take fewer requests at once than a test sends, and
 * nothing of a refused one was done.
 */
public final class IdenticalRequests {

    private static final int MOST_ATTEMPTS = 10;

    /** What one of them was answered. */
    public record Answer(int status, String body) {
    }

    private IdenticalRequests() {
    }

    /** Sends {@code request} {@code n} times at once and returns the answers, in no particular order. */
    public static List<Answer> sendAtOnce(int n, Supplier<Response> request) throws Exception {
        List<Answer> answers = new ArrayList<>();
        Supplier<Response> client = () -> repeatWhileOverloaded(request);
        for (Response response : sendTogether(Collections.nCopies(n, client))) {
            answers.add(new Answer(response.statusCode(), response.asString()));
        }
        return answers;
    }

    /**
     * Sends every request at the same moment, each from a client of its own, and returns the answers in the order
     * of the requests (bodies already read). A refusal is returned as it came: a test of load shedding wants it.
     */
    public static List<Response> sendTogether(List<Supplier<Response>> requests) throws Exception {
        int n = requests.size();
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (Supplier<Response> request : requests) {
                sent.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    Response response = request.get();
                    response.asString();
                    return response;
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static Response repeatWhileOverloaded(Supplier<Response> request) {
        Response response = request.get();
        for (int attempt = 1; overloaded(response) && attempt < MOST_ATTEMPTS; attempt++) {
            try {
                Thread.sleep(1_000L * Integer.parseInt(response.header("Retry-After").strip()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = request.get();
        }
        return response;
    }

    private static boolean overloaded(Response response) {
        return response.statusCode() == 503 && response.header("Retry-After") != null
                && response.asString().contains("urn:articula:problem:overloaded");
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
