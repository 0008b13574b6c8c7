package org.articula.localstack.testing.robustness;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.sessions.JqwikSession;
import org.articula.localstack.testing.IdenticalRequests;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;

/**
 * The robustness suite of one service, driven by its live OpenAPI document: every operation is sent the
 * hostile requests of every class ({@link MutationClass}) derived from a valid request its test gives
 * (a seed), and every answer is checked:
 * <ul>
 * <li>never a 5xx;</li>
 * <li>a 4xx is problem+json with type, title, status and detail, and a 400 or 422 names the field or
 * parameter changed;</li>
 * <li>a 2xx only when the changed request is still valid (an optional field left out...);</li>
 * <li>nothing written in any table of the service's database by a refused request;</li>
 * <li>a status the operation's OpenAPI does not list is a failure (also listed apart in the report).</li>
 * </ul>
 * Creates with a client-supplied id are also sent N times at once: N answers alike (what the first and a
 * repeat get) and one stored copy. Operations without a seed fail the suite, so a new endpoint must get one.
 *
 * <p>Bounded: for each operation at most {@code articula.robustness.per-operation} (default 60) mutants
 * are sent, sampled with a fixed seed so that every class that applies is sent at least once, then every
 * field, then at random.
 */
public final class RobustnessSuite {

    private static final long SEED = Long.getLong("articula.robustness.seed", 20260415L);
    private static final int PER_OPERATION = Integer.getInteger("articula.robustness.per-operation", 60);
    private static final int AT_ONCE = 4;
    private static final String REBUILDS_PATH = "/api/v1/read-model/rebuilds";
    private static final String REBUILDS = "POST " + REBUILDS_PATH;
    private static final String REBUILD = "GET " + REBUILDS_PATH + "/{id}";

    private final String service;
    private final String database;
    private final Map<String, Supplier<ApiRequest>> seeds = new LinkedHashMap<>();
    private final Map<String, Function<JsonNode, JsonNode>> refusalsInside = new LinkedHashMap<>();
    private final Set<String> creates = new HashSet<>();
    private final Set<String> ifDocumented = new HashSet<>();
    private long oversize = 21L * 1024 * 1024;
    private RobustnessReport report;
    private DatabaseDigest digest;
    private Map<String, DatabaseDigest.Table> last;

    private RobustnessSuite(String service, String database) {
        this.service = service;
        this.database = database;
    }

    /** The suite of {@code service}, whose tables are in {@code database} of {@link RealInfrastructure}. */
    public static RobustnessSuite forService(String service, String database) {
        return new RobustnessSuite(service, database);
    }

    /**
     * A valid request for the operation ("POST /api/v1/lots", as in the OpenAPI document). Called again
     * after every 2xx, so a seed whose request changes state (an activation) must make a fresh one each
     * time; ids the client chooses must be new each time.
     */
    public RobustnessSuite seed(String operation, Supplier<ApiRequest> seed) {
        seeds.put(operation, seed);
        return this;
    }

    /**
     * For an operation that answers 2xx to a request whose items it judges one by one (a batch): where in
     * its answer the problem of the first item is when that item was refused (null otherwise).
     */
    public RobustnessSuite refusalInside(String operation, Function<JsonNode, JsonNode> problemOfFirstItem) {
        refusalsInside.put(operation, problemOfFirstItem);
        return this;
    }

    /** A create the suite cannot recognise by a top-level {@code id} (a batch): sent N times at once too. */
    public RobustnessSuite creates(String operation) {
        creates.add(operation);
        return this;
    }

    /**
     * Seeds the operations every service has from the platform (dead letters, read-model status), as a
     * platform admin, on a dead letter of {@code consumer} already re-driven (so re-driving it is answered
     * as it is and applies nothing).
     */
    public RobustnessSuite platformOperations(String consumer) throws SQLException {
        RealInfrastructure.Infrastructure infra = RealInfrastructure.get();
        UUID deadLetter = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password());
                PreparedStatement insert = c.prepareStatement("""
                        insert into dead_letter (id, consumer, topic, kafka_partition, kafka_offset, event_id, event_type,
                            reason, exception, failed_at, attempts, status, redriven_at, payload)
                        values (?, ?, 'robustness.events', 0, ?, ?, 'RobustnessProbe', 'probe', 'none', now(), 1,
                            'REDRIVEN', now(), '{}'::bytea)""")) {
            insert.setObject(1, deadLetter);
            insert.setString(2, consumer);
            insert.setLong(3, Math.abs(deadLetter.getLeastSignificantBits() % 1_000_000_000L));
            insert.setObject(4, UUID.randomUUID());
            insert.executeUpdate();
        }
        String admin = TestTokens.as((UUID) null, "platform-admin").getValue();
        Supplier<ApiRequest> asAdmin = () -> ApiRequest.empty().withHeader("Authorization", admin);
        // Rebuilds only where the service has them; each seed lets none run on (its writes are no refusal's).
        ifDocumented.add(REBUILDS);
        ifDocumented.add(REBUILD);
        String[] rebuilt = new String[1];
        return seed("GET /api/v1/dead-letters", asAdmin)
                .seed("GET /api/v1/dead-letters/{id}", () -> asAdmin.get().withPath("id", deadLetter))
                .seed("POST /api/v1/dead-letters/{id}/redrive", () -> asAdmin.get().withPath("id", deadLetter))
                .seed("POST /api/v1/dead-letters/redrive", asAdmin)
                .seed("GET /api/v1/read-model/status", asAdmin)
                .seed(REBUILDS, () -> {
                    finishedRebuild(admin);
                    return asAdmin.get();
                })
                .seed(REBUILD, () -> {
                    if (rebuilt[0] == null) { // reading a rebuild uses nothing up
                        rebuilt[0] = finishedRebuild(admin);
                    }
                    return asAdmin.get().withPath("id", rebuilt[0]);
                });
    }

    // Starts a rebuild once none runs (409 while one does) and waits for it to finish: its id.
    private static String finishedRebuild(String admin) {
        long deadline = System.currentTimeMillis() + 120_000;
        String id = null;
        while (id == null || given().header("Authorization", admin).get(REBUILDS_PATH + "/" + id).then()
                .statusCode(200).extract().path("status").equals("RUNNING")) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("a read-model rebuild did not finish in 2 minutes");
            }
            if (id == null) {
                var started = given().header("Authorization", admin).post(REBUILDS_PATH).then().extract();
                if (started.statusCode() == 202) {
                    id = started.path("id");
                } else if (started.statusCode() != 409) {
                    throw new IllegalStateException(
                            "a rebuild answered " + started.statusCode() + " " + started.asString());
                }
            }
            sleep(200);
        }
        return id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Content-Length an oversized body announces (over the service's quarkus.http.limits.max-body-size). */
    public RobustnessSuite oversize(long bytes) {
        oversize = bytes;
        return this;
    }

    /** Runs everything, prints and writes the report, and returns it; the caller asserts on its failures. */
    public RobustnessReport run() throws Exception {
        long start = System.currentTimeMillis();
        report = new RobustnessReport(service);
        List<ApiOperation> operations = ApiOperation.all(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Set<String> documented = new TreeSet<>();
        operations.forEach(o -> documented.add(o.key()));
        for (String stale : seeds.keySet()) {
            if (!documented.contains(stale) && !ifDocumented.contains(stale)) {
                report.failed(null, stale, "has a seed but is not in the OpenAPI document");
            }
        }
        RealInfrastructure.Infrastructure infra = RealInfrastructure.get();
        JqwikSession.start(); // jqwik's generators outside a jqwik property; values come from our own seeded Random
        try (DatabaseDigest d = new DatabaseDigest(infra.jdbcUrl(database), infra.username(), infra.password())) {
            digest = d;
            for (ApiOperation operation : operations) {
                Supplier<ApiRequest> seed = seeds.get(operation.key());
                if (seed == null && operation.parameters().stream().noneMatch(p -> p.required())
                        && !operation.hasJsonBody() && operation.bodyTypes().isEmpty()) {
                    seed = ApiRequest::empty;
                }
                if (seed == null) {
                    report.failed(null, operation.key(), "has no seed request: give the suite a valid one");
                    continue;
                }
                try {
                    operation(operation, seed);
                    if (isCreate(operation)) {
                        concurrently(operation, seed);
                    }
                } catch (Exception | AssertionError e) { // a seed that could not be made: the others still run
                    report.failed(null, operation.key(), "stopped: " + e);
                }
            }
        } finally {
            JqwikSession.finish();
        }
        report.finish(operations.size(), System.currentTimeMillis() - start);
        System.out.println(report.text());
        report.write(Path.of("target", "robustness-report.json"));
        return report;
    }

    private void operation(ApiOperation operation, Supplier<ApiRequest> seed) throws Exception {
        long opSeed = SEED ^ (service + " " + operation.key()).hashCode();
        ApiRequest valid = seed.get();
        Answer first = Transport.send(operation.method(), operation.path(), valid);
        if (!first.success()) {
            report.failed(null, operation.key(), "seed refused: " + first.status() + " " + first.body());
            return;
        }
        valid = seed.get();
        List<Mutant> mutants = sample(Mutations.of(operation, valid, new Random(opSeed), oversize), opSeed);
        last = digest.snapshot();
        for (int i = 0; i < mutants.size(); i++) {
            Mutant mutant = mutants.get(i);
            Answer answer = send(operation, mutant);
            report.sent(mutant.kind(), 1);
            Map<String, DatabaseDigest.Table> now = digest.snapshot();
            JsonNode inside = answer.success() && refusalsInside.containsKey(operation.key())
                    ? refusalsInside.get(operation.key()).apply(answer.json())
                    : null;
            boolean refused = !answer.success() || inside != null && !inside.isNull() && !inside.isMissingNode();
            List<String> wrong = verdict(operation, mutant, answer, inside);
            if (refused) {
                List<String> written = DatabaseDigest.written(last, now);
                if (!written.isEmpty()) {
                    written = writtenAgain(operation, mutant, now);
                    now = digest.snapshot();
                }
                if (!written.isEmpty()) {
                    wrong.add("refused (" + answer.status() + ") but wrote " + written);
                }
            }
            for (String w : wrong) {
                report.failed(mutant.kind(), operation.key(), mutant.describe() + ": " + w);
            }
            last = now;
            if (answer.success() && !refused) {
                // It may have used up the seed's state (an activation): go on from a fresh valid request.
                valid = seed.get();
                List<Mutant> fresh = sample(Mutations.of(operation, valid, new Random(opSeed), oversize), opSeed);
                if (fresh.size() == mutants.size()) {
                    mutants = fresh;
                }
                last = digest.snapshot();
            }
        }
    }

    // A write seen after a refusal may be background work (a scheduler, a consumer): the same request is
    // sent once more and only a write seen again counts. The first is noted.
    private List<String> writtenAgain(ApiOperation operation, Mutant mutant, Map<String, DatabaseDigest.Table> now)
            throws Exception {
        Thread.sleep(300);
        Map<String, DatabaseDigest.Table> before = digest.snapshot();
        send(operation, mutant);
        report.sent(mutant.kind(), 1);
        List<String> again = DatabaseDigest.written(before, digest.snapshot());
        if (again.isEmpty()) {
            report.note(operation.key() + " " + mutant.describe() + ": a write seen once, not when repeated");
        }
        return again;
    }

    private Answer send(ApiOperation operation, Mutant mutant) throws Exception {
        if (mutant.kind() == MutationClass.OVERSIZED_BODY) {
            return Transport.oversized(operation.method(), operation.path(), mutant.request(), mutant.declaredLength());
        }
        return Transport.send(operation.method(), operation.path(), mutant.request());
    }

    private List<String> verdict(ApiOperation operation, Mutant mutant, Answer answer, JsonNode inside) {
        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        if (status != 0 && !operation.documentedStatuses().contains(status)) {
            report.undocumented(operation.key(), status);
            wrong.add("answered " + status + ", which its OpenAPI document does not list");
        }
        if (status >= 500 || status < 200 || status >= 300 && status < 400) {
            wrong.add("answered " + status + " " + Mutant.abbreviate(answer.body()));
            return wrong;
        }
        if (answer.success()) {
            if (inside != null && !inside.isNull() && !inside.isMissingNode()) {
                problem(inside, status, mutant, wrong, true);
            } else if (!mutant.mayPass()) {
                wrong.add("accepted (" + status + ") " + Mutant.abbreviate(answer.body()));
            }
            return wrong;
        }
        if (!answer.mediaType().equals("application/problem+json")) {
            wrong.add(
                    status + " as '" + answer.mediaType() + "', not problem+json: " + Mutant.abbreviate(answer.body()));
            return wrong;
        }
        if (status == 404 && mutant.target().startsWith("query.")) {
            // JAX-RS's answer to a query value it cannot convert: as if the address did not exist.
            wrong.add("404 for a query parameter's value, not 400 naming it: " + Mutant.abbreviate(answer.body()));
            return wrong;
        }
        JsonNode problem = answer.json();
        if (problem == null) {
            wrong.add(status + " with a body that is not JSON: " + Mutant.abbreviate(answer.body()));
            return wrong;
        }
        problem(problem, status, mutant, wrong, false);
        return wrong;
    }

    private static void problem(JsonNode problem, int status, Mutant mutant, List<String> wrong, boolean inside) {
        for (String member : List.of("type", "title", "detail")) {
            if (problem.path(member).asText("").isBlank()) {
                wrong.add(status + " problem without " + member + ": " + problem);
            }
        }
        int said = problem.path("status").asInt(-1);
        if (said != status && !inside) {
            wrong.add(status + " problem saying status " + said);
        }
        // An item of a batch refused as a whole (not an object at all) has no field of its own to name.
        boolean wholeItem = inside && mutant.target().endsWith("]");
        boolean mustName = (inside && !wholeItem || status == 400 || status == 422) && mutant.named() != null
                && !(mutant.inPath() && status == 404);
        // An element left out may be named by what referred to it (an adjustment naming the parameter gone).
        if (mustName && !names(problem, mutant.named()) && !names(problem, mutant.enclosing())
                && mutant.removed().stream().noneMatch(text -> names(problem, text))) {
            wrong.add(status + " does not name '" + mutant.named() + "': " + problem.path("detail").asText());
        }
    }

    private static boolean names(JsonNode problem, String field) {
        if (field == null) {
            return false;
        }
        StringBuilder text = new StringBuilder(problem.path("detail").asText(""));
        problem.path("violations").forEach(v -> text.append(' ').append(v.path("field").asText("")));
        return text.toString().contains(field);
    }

    private boolean isCreate(ApiOperation operation) {
        if (creates.contains(operation.key())) {
            return true;
        }
        JsonNode body = operation.bodySchema();
        if (!operation.method().equals("POST") || body == null) {
            return false;
        }
        boolean idRequired = false;
        for (JsonNode r : body.path("required")) {
            idRequired |= r.asText().equals("id");
        }
        return idRequired && Mutations.kind(body.path("properties").path("id")) == Mutations.Kind.UUID;
    }

    // N identical creates at once: what a create then N-1 repeats get, and what one create stores.
    private void concurrently(ApiOperation operation, Supplier<ApiRequest> seed) throws Exception {
        ApiRequest once = seed.get();
        Map<String, DatabaseDigest.Table> s0 = digest.snapshot();
        Answer created = Transport.send(operation.method(), operation.path(), once);
        Answer repeated = Transport.send(operation.method(), operation.path(), once);
        Map<String, Long> sequential = DatabaseDigest.added(s0, digest.snapshot());
        ApiRequest racing = seed.get();
        Map<String, DatabaseDigest.Table> s1 = digest.snapshot();
        List<IdenticalRequests.Answer> answers = IdenticalRequests.sendAtOnce(AT_ONCE,
                () -> Transport.response(operation.method(), operation.path(), racing));
        Answer repeat = Transport.send(operation.method(), operation.path(), racing);
        Map<String, Long> raced = DatabaseDigest.added(s1, digest.snapshot());
        report.sent(MutationClass.CONCURRENCY, AT_ONCE + 3);
        String key = operation.key();
        if (!created.success() || !repeated.success() || !repeat.success()) {
            report.failed(MutationClass.CONCURRENCY, key, "a create and its repeats answered " + created.status()
                    + ", " + repeated.status() + ", " + repeat.status() + " " + Mutant.abbreviate(repeat.body()));
            return;
        }
        boolean firstDiffers = !created.body().equals(repeated.body()) || created.status() != repeated.status();
        int alike = 0;
        for (IdenticalRequests.Answer a : answers) {
            if (a.status() == repeat.status() && a.body().equals(repeat.body())) {
                alike++;
            } else if (a.status() < 200 || a.status() >= 300 || !firstDiffers && !a.body().equals(repeat.body())) {
                report.failed(MutationClass.CONCURRENCY, key, "sent " + AT_ONCE + " times at once, one answered "
                        + a.status() + " " + Mutant.abbreviate(a.body()) + " where a repeat gets " + repeat.status());
                alike = AT_ONCE; // reported
            }
        }
        if (alike < AT_ONCE - 1) {
            report.failed(MutationClass.CONCURRENCY, key, "sent " + AT_ONCE + " times at once: " + alike
                    + " answers as a repeat, " + answers);
        }
        if (!Objects.equals(sequential, raced)) {
            report.failed(MutationClass.CONCURRENCY, key, "one create stores " + sequential
                    + " rows, the same sent " + AT_ONCE + " times at once " + raced);
        }
    }

    // Every class that applies at least once, then every target at least once, then at random up to the cap.
    private static List<Mutant> sample(List<Mutant> all, long seed) {
        if (all.size() <= PER_OPERATION) {
            return all;
        }
        Random random = new Random(seed + 1);
        Map<Object, List<Integer>> byClass = new LinkedHashMap<>();
        Map<Object, List<Integer>> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byClass.computeIfAbsent(all.get(i).kind(), k -> new ArrayList<>()).add(i);
            byTarget.computeIfAbsent(all.get(i).target(), k -> new ArrayList<>()).add(i);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        byClass.values().forEach(list -> chosen.add(list.get(random.nextInt(list.size()))));
        for (List<Integer> list : byTarget.values()) {
            if (chosen.size() >= PER_OPERATION) {
                break;
            }
            if (list.stream().noneMatch(chosen::contains)) {
                chosen.add(list.get(random.nextInt(list.size())));
            }
        }
        while (chosen.size() < PER_OPERATION) {
            chosen.add(random.nextInt(all.size()));
        }
        return new TreeSet<>(chosen).stream().map(all::get).toList();
    }
}
