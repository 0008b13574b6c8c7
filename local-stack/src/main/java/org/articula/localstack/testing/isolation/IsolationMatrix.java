package org.articula.localstack.testing.isolation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.TestTokens;

/**
 * Tenant isolation as a matrix: every operation of the service's live OpenAPI document, sent by every
 * caller of another organisation, with each foreign id in each place it can go (path, query, body,
 * an item of a batch).
 *
 * <p>An operation is a request template whose ids are written {@code {{name}}}. For one position, that
 * occurrence gets the foreign organisation's id and, in a second request, an id nobody has; every other
 * occurrence gets the caller's own value, so the request is one the caller may send but for that id.
 * The two answers must be alike (status, problem type, title, detail and violations, with the id sent
 * masked), the foreign one must not be a success (nor a 5xx), and no answer may contain anything of the
 * foreign organisation's ({@link Caller#mustNotSee}). Every read, and every template without ids, is
 * also sent once with the caller's own ids only: what it lists must not include the foreign rows.
 *
 * <p>{@code {{new:name}}} marks the id of a resource being created: there the foreign id is compared
 * with one of the caller's own ids already in use, since an unknown one would simply create.
 * {@code {{filter:name}}} marks a query parameter that only narrows a listing of what the caller may see
 * anyway (an audit trail's resource, the agreements with a producer): there the foreign id may be
 * answered with success, but only with the unknown id's answer, and that must list nothing.
 * {@link #unchangedFor} reads the foreign organisation's own data before and after: refused requests
 * changed nothing.
 *
 * <p>A position is skipped for a caller whose own value is the foreign one (a producer of the same
 * organisation owns its centres): what is foreign differs by caller.
 */
public final class IsolationMatrix {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(new:|filter:)?([A-Za-z][A-Za-z0-9]*)}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASK = "<id>";
    /** Every role a token can carry (org.articula.platform.security.Roles, which local-stack does not see). */
    private static final List<String> ROLES = List.of("buyer-admin", "centre-operator", "treasurer", "auditor",
            "producer", "platform-admin");

    /** Where an id is sent. */
    public enum Position {
        PATH,
        QUERY,
        BODY,
        BATCH_ITEM
    }

    /** Who sends: a name for reports, the token, its own ids by name and what it must never be shown. */
    public record Caller(String name, Header token, Map<String, String> own, Set<String> mustNotSee) {
    }

    /** A request template; see the class comment for the {@code {{name}}} ids. */
    public record Request(String method, String path, Map<String, String> query, String contentType, String body,
            List<String> batchCounts, Map<String, String> headers) {

        public Request withQuery(String name, String value) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put(name, value);
            return new Request(method, path, q, contentType, body, batchCounts, headers);
        }

        /**
         * A batch answered 2xx with an outcome per item: it recorded nothing when the counts at these JSON
         * pointers (e.g. "/created") are all zero, and that is a refusal, not a success.
         */
        public Request batch(String... counts) {
            return new Request(method, path, query, contentType, body, List.of(counts), headers);
        }

        /** The same asking for another representation (text/csv, text/html, application/pdf). */
        public Request accepting(String mediaType) {
            return withHeader("Accept", mediaType);
        }

        public Request withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Request(method, path, query, contentType, body, batchCounts, h);
        }

        boolean recordedNothing(Response answer) {
            if (batchCounts.isEmpty()) {
                return false;
            }
            try {
                JsonNode body = JSON.readTree(answer.asString());
                return batchCounts.stream().allMatch(p -> body.at(p).isNumber() && body.at(p).asInt() == 0);
            } catch (Exception notJson) {
                return false;
            }
        }
    }

    public static Request get(String path) {
        return new Request("GET", path, Map.of(), null, null, List.of(), Map.of());
    }

    public static Request post(String path, String jsonBody) {
        return new Request("POST", path, Map.of(), "application/json", jsonBody, List.of(), Map.of());
    }

    public static Request put(String path, String jsonBody) {
        return new Request("PUT", path, Map.of(), "application/json", jsonBody, List.of(), Map.of());
    }

    public static Request send(String method, String path, String contentType, String body) {
        return new Request(method, path, Map.of(), contentType, body, List.of(), Map.of());
    }

    private final String service;
    private final Map<String, String> foreign = new LinkedHashMap<>();
    private final Map<String, List<Request>> operations = new TreeMap<>();
    private final List<Caller> callers = new ArrayList<>();
    private final Counts counts;
    private Header owner;
    private List<String> ownerReads = List.of();

    public IsolationMatrix(String service) {
        this.service = service;
        this.counts = new Counts(service);
    }

    /** The foreign organisation's id for {@code {{name}}}. */
    public IsolationMatrix foreign(String name, Object id) {
        foreign.put(name, id.toString());
        return this;
    }

    /**
     * What the foreign organisation reads of its own ({@code paths}, as {@code token}) must read the same
     * after the matrix: nothing of theirs was changed by a refused request.
     */
    public IsolationMatrix unchangedFor(Header token, String... paths) {
        this.owner = token;
        this.ownerReads = List.of(paths);
        return this;
    }

    public IsolationMatrix caller(Caller caller) {
        callers.add(caller);
        return this;
    }

    /**
     * A user of {@code organisation} in each role there is, one role each; the producer is {@code producer}.
     * {@code own} names the organisation's own ids; {@code mustNotSee} what none of them may be shown.
     */
    public IsolationMatrix everyRoleOf(String label, UUID organisation, UUID producer, Map<String, String> own,
            Set<String> mustNotSee) {
        for (String role : ROLES) {
            Tokens.Claims claims = Tokens.Claims.of(label + " " + role, organisation, role);
            if (role.equals("producer")) {
                claims = claims.withProducer(producer);
            }
            callers.add(new Caller(label + " " + role, TestTokens.as(TestTokens.sign(claims)), own, mustNotSee));
        }
        return this;
    }

    /** The template for the OpenAPI operation {@code key} ("GET /api/v1/lots/{id}"). */
    public IsolationMatrix operation(String key, Request... requests) {
        if (operations.put(key, List.of(requests)) != null) {
            throw new IllegalArgumentException("two entries for " + key);
        }
        return this;
    }

    /**
     * The platform's own operations, which every service serves and no organisation owns: the catch-up
     * status, dead letters and (where the service keeps a read model) its rebuilds. Sent by every caller with
     * ids nobody has: what matters is that no business figure of the foreign organisation comes back and
     * only platform admins get further than 403.
     */
    public IsolationMatrix platformOperations(boolean rebuildsReadModel) {
        String nobody = "/" + UUID.randomUUID();
        operation("GET /api/v1/read-model/status", get("/api/v1/read-model/status"));
        operation("GET /api/v1/dead-letters", get("/api/v1/dead-letters"));
        operation("GET /api/v1/dead-letters/{id}", get("/api/v1/dead-letters" + nobody));
        operation("POST /api/v1/dead-letters/redrive", send("POST", "/api/v1/dead-letters/redrive", null, null));
        operation("POST /api/v1/dead-letters/{id}/redrive",
                send("POST", "/api/v1/dead-letters" + nobody + "/redrive", null, null));
        if (rebuildsReadModel) {
            operation("POST /api/v1/read-model/rebuilds", send("POST", "/api/v1/read-model/rebuilds", null, null));
            operation("GET /api/v1/read-model/rebuilds/{id}", get("/api/v1/read-model/rebuilds" + nobody));
        }
        return this;
    }

    /** Runs the matrix, fails listing every finding, and returns the counts. */
    public Counts run() {
        Set<String> documented = documentedOperations();
        Set<String> untested = new TreeSet<>(documented);
        untested.removeAll(operations.keySet());
        Set<String> stale = new TreeSet<>(operations.keySet());
        stale.removeAll(documented);
        assertTrue(untested.isEmpty() && stale.isEmpty(), service + ": operations without a template " + untested
                + ", templates of no operation " + stale);
        List<String> findings = new ArrayList<>();
        Map<String, String> before = ownerView();
        for (Map.Entry<String, List<Request>> operation : operations.entrySet()) {
            for (Request template : operation.getValue()) {
                findings.addAll(run(operation.getKey(), template));
            }
        }
        Map<String, String> after = ownerView();
        before.forEach((path, body) -> {
            if (!body.equals(after.get(path))) {
                findings.add(path + " changed for its owner: " + abbreviate(body) + " became "
                        + abbreviate(after.get(path)));
            }
        });
        System.out.println(counts);
        counts.keep();
        if (!findings.isEmpty()) {
            fail(findings.size() + " isolation findings in " + service + ":\n  " + String.join("\n  ", findings));
        }
        return counts;
    }

    private List<String> run(String key, Request template) {
        List<String> findings = new ArrayList<>();
        List<Slot> slots = slots(template);
        for (Caller caller : callers) {
            if (slots.isEmpty() || template.method().equals("GET")) {
                // what the caller reads of its own (a listing, its own centre's roster) shows nothing of theirs
                Response answer = send(template, caller, null, null);
                counts.add(caller.name(), "OWN", 1);
                leaks(answer.asString(), caller, null)
                        .forEach(l -> findings.add(finding(key, caller, "own ids", answer, "shows " + l)));
            }
            for (Slot slot : slots) {
                String foreignId = foreign.get(slot.name());
                // an id with no foreign counterpart (a buyer anyone may name) is always the caller's own
                if (foreignId != null && !foreignId.equals(caller.own().get(slot.name()))) {
                    findings.addAll(check(key, template, caller, slot, foreignId));
                }
            }
        }
        return findings;
    }

    private List<String> check(String key, Request request, Caller caller, Slot slot, String foreignId) {
        String baseline = slot.creates() ? caller.own().get(slot.name()) : UUID.randomUUID().toString();
        Response theirs = send(request, caller, slot, foreignId);
        String seen = normalise(theirs, foreignId);
        Response none = send(request, caller, slot, baseline);
        String expected = normalise(none, baseline);
        counts.add(caller.name(), slot.position().name(), 2);
        String where = slot.position() + " " + slot.label();
        List<String> findings = new ArrayList<>();
        if (theirs.statusCode() >= 500 || none.statusCode() >= 500) {
            findings.add(finding(key, caller, where, theirs.statusCode() >= 500 ? theirs : none, "server error"));
        }
        if (theirs.statusCode() >= 200 && theirs.statusCode() < 300 && !(slot.filters() && listsNothing(theirs))
                && !request.recordedNothing(theirs)) {
            findings.add(finding(key, caller, where, theirs, "succeeded with the foreign id"));
        }
        if (!seen.equals(expected)) {
            findings.add(finding(key, caller, where, theirs, "answered unlike "
                    + (slot.creates() ? "an id of its own in use" : "an unknown id") + ": " + none.statusCode() + " "
                    + expected));
        }
        if (refusedForAnotherField(none, slot)) {
            findings.add(finding(key, caller, where, none, "template refused for another reason: it tests nothing"));
        }
        leaks(theirs.asString().replace(foreignId, MASK), caller, foreignId)
                .forEach(l -> findings.add(finding(key, caller, where, theirs, "shows " + l)));
        return findings;
    }

    /** An empty list, an object whose lists are all empty, or a CSV file with its header line only. */
    private static boolean listsNothing(Response answer) {
        if (String.valueOf(answer.contentType()).startsWith("text/csv")) {
            return answer.asString().strip().lines().count() <= 1;
        }
        try {
            JsonNode body = JSON.readTree(answer.asString());
            if (body.isArray()) {
                return body.isEmpty();
            }
            for (JsonNode field : body) {
                if (field.isArray() && !field.isEmpty()) {
                    return false;
                }
            }
            return body.isObject();
        } catch (Exception notJson) {
            return false;
        }
    }

    private Map<String, String> ownerView() {
        Map<String, String> view = new LinkedHashMap<>();
        for (String path : ownerReads) {
            Response read = given().header(owner).get(path);
            assertTrue(read.statusCode() == 200, () -> "the owner reads " + path + ": " + read.statusCode() + " "
                    + abbreviate(read.asString()));
            view.put(path, read.asString());
        }
        return view;
    }

    /** A 400 or 422 that names fields other than the one under test: the template itself is wrong. */
    private static boolean refusedForAnotherField(Response answer, Slot slot) {
        if (answer.statusCode() != 400 && answer.statusCode() != 422) {
            return false;
        }
        try {
            JsonNode violations = JSON.readTree(answer.asString()).path("violations");
            for (JsonNode v : violations) {
                if (slot.position() != Position.PATH && v.path("field").asText().contains(slot.label())) {
                    return false;
                }
            }
        } catch (Exception notJson) {
            return true;
        }
        return true;
    }

    private static String finding(String key, Caller caller, String where, Response answer, String what) {
        return key + " as " + caller.name() + " [" + where + "] " + what + " — got " + answer.statusCode() + " "
                + abbreviate(answer.asString());
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    private List<String> leaks(String body, Caller caller, String sent) {
        List<String> found = new ArrayList<>();
        for (String secret : caller.mustNotSee()) {
            if (!secret.equals(sent) && body.contains(secret)) {
                found.add("'" + secret + "'");
            }
        }
        return found;
    }

    /** The parts of an answer that must agree, with the id sent masked and per-request noise removed. */
    private String normalise(Response answer, String sent) {
        String body = answer.asString().replace(sent, MASK);
        for (String made : generated) {
            body = body.replace(made, "<new>");
        }
        String shape = body;
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode problem && problem.has("type")) {
                problem.remove("errorId");
                problem.remove("instance");
                shape = problem.toString();
            }
        } catch (Exception notJson) {
            // compared as text
        }
        return answer.statusCode() + " " + shape;
    }

    /** Ids made up for resources being created in the last request sent: masked when answers are compared. */
    private final List<String> generated = new ArrayList<>();

    private Response send(Request template, Caller caller, Slot slot, String value) {
        int[] index = { 0 };
        generated.clear();
        java.util.function.UnaryOperator<String> fill = text -> {
            if (text == null) {
                return null;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int at = index[0]++;
                String replacement;
                if (slot != null && at == slot.index()) {
                    replacement = value;
                } else if ("new:".equals(m.group(1))) {
                    replacement = UUID.randomUUID().toString(); // a resource of its own being created
                    generated.add(replacement);
                } else {
                    replacement = caller.own().get(m.group(2));
                    if (replacement == null) {
                        throw new IllegalArgumentException(caller.name() + " has no own " + m.group(2));
                    }
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        };
        String path = fill.apply(template.path());
        Map<String, String> query = new LinkedHashMap<>();
        template.query().forEach((k, v) -> query.put(k, fill.apply(v)));
        String body = fill.apply(template.body());
        RequestSpecification request = given().header(caller.token()).queryParams(query);
        request.headers(template.headers());
        if (template.contentType() != null) {
            request.contentType(template.contentType()).body(body);
        }
        return request.request(template.method(), path);
    }

    /** Every {@code {{name}}} of a template in the order {@link #send} fills them: path, query, body. */
    private static List<Slot> slots(Request template) {
        List<Slot> slots = new ArrayList<>();
        addSlots(slots, template.path(), Position.PATH, "path");
        template.query().forEach((k, v) -> addSlots(slots, v, Position.QUERY, k));
        if (template.body() != null) {
            if (template.contentType().contains("json")) {
                try {
                    bodySlots(slots, JSON.readTree(template.body()), "", false);
                } catch (Exception e) {
                    throw new IllegalArgumentException("template body is not JSON: " + template.body(), e);
                }
            } else {
                csvSlots(slots, template.body());
            }
        }
        return slots;
    }

    private static void bodySlots(List<Slot> slots, JsonNode node, String path, boolean inArray) {
        if (node.isTextual()) {
            addSlots(slots, node.textValue(), inArray ? Position.BATCH_ITEM : Position.BODY, path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                bodySlots(slots, node.get(i), path + "[" + i + "]", true);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                bodySlots(slots, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        inArray);
            }
        }
    }

    /** A CSV body's rows are the items of a batch; each id is named by its column. */
    private static void csvSlots(List<Slot> slots, String csv) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].split(",");
        for (int line = 1; line < lines.length; line++) {
            String[] cells = lines[line].split(",");
            for (int i = 0; i < cells.length; i++) {
                addSlots(slots, cells[i], Position.BATCH_ITEM, header[i]);
            }
        }
    }

    private static void addSlots(List<Slot> slots, String text, Position position, String label) {
        if (text == null) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            slots.add(new Slot(slots.size(), m.group(2), "new:".equals(m.group(1)), "filter:".equals(m.group(1)),
                    position, label));
        }
    }

    private record Slot(int index, String name, boolean creates, boolean filters, Position position, String label) {
    }

    private Set<String> documentedOperations() {
        JsonNode paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .as(JsonNode.class).get("paths");
        Set<String> keys = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    keys.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return keys;
    }

    /** Requests sent, per caller and per position (OWN: a read with the caller's own ids only), for the closing note. */
    public static final class Counts {
        private final String service;
        private final Map<String, Map<String, Integer>> byCaller = new TreeMap<>();

        Counts(String service) {
            this.service = service;
        }

        void add(String caller, String position, int requests) {
            byCaller.computeIfAbsent(caller, c -> new TreeMap<>()).merge(position, requests, Integer::sum);
        }

        /** Writes them to target/isolation-matrix.txt of the service's module, where the closing note reads them. */
        void keep() {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "isolation-matrix.txt"),
                        toString() + "\n");
            } catch (java.io.IOException e) {
                System.err.println("could not keep the isolation counts: " + e);
            }
        }

        public int total() {
            return byCaller.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }

        public Map<String, Integer> byPosition() {
            Map<String, Integer> sum = new TreeMap<>();
            byCaller.values().forEach(m -> m.forEach((k, v) -> sum.merge(k, v, Integer::sum)));
            return sum;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(
                    "isolation matrix " + service + ": " + total() + " requests; by position "
                            + byPosition());
            byCaller.forEach((caller, m) -> out.append("\n  ").append(caller).append(": ")
                    .append(m.values().stream().mapToInt(Integer::intValue).sum()).append(' ').append(m));
            return out.toString();
        }
    }
}
