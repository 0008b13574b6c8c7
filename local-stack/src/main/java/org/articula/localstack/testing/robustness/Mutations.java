package org.articula.localstack.testing.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Derives the hostile requests of every class from one valid request of an operation, field by field and
 * parameter by parameter, as the operation's schema describes them. Values are drawn from jqwik
 * arbitraries with the given random, so a seed gives the same requests every run, beside the fixed edge
 * cases each class must include (1e400, year 1,000,000, a date as an integer...).
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int GEN_SIZE = 1000;
    private static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);
    private static final int MAX_DEPTH = 4;
    /** C0 controls that every text refuses (tab, LF and CR are allowed in text). */
    private static final Arbitrary<Character> CONTROL = Arbitraries.chars().range('\u0000', '\u001f')
            .filter(c -> c != '\t' && c != '\n' && c != '\r');

    enum Kind {
        STRING,
        UUID,
        DATE,
        DATETIME,
        ENUM,
        INTEGER,
        NUMBER,
        BOOLEAN,
        OBJECT,
        ARRAY,
        ANY
    }

    private final ApiOperation operation;
    private final ApiRequest valid;
    private final Random random;
    private final long oversize;
    private final List<Mutant> out = new ArrayList<>();

    private Mutations(ApiOperation operation, ApiRequest valid, Random random, long oversize) {
        this.operation = operation;
        this.valid = valid;
        this.random = random;
        this.oversize = oversize;
    }

    /** Every mutant of {@code valid}, before sampling. */
    static List<Mutant> of(ApiOperation operation, ApiRequest valid, Random random, long oversize) {
        Mutations m = new Mutations(operation, valid, random, oversize);
        m.parameters();
        m.body();
        return m.out;
    }

    // ------------------------------------------------------------------ parameters

    private void parameters() {
        for (ApiOperation.Parameter p : operation.parameters()) {
            Kind kind = kind(p.schema());
            String target = p.in() + "." + p.name();
            if (p.in().equals("path")) {
                for (Mutant.Value v : pathValues(kind, p.schema())) {
                    add(v.kind(), target, v.text(), p.name(), false, valid.withPath(p.name(), v.text()));
                }
                continue;
            }
            add(MutationClass.MISSING, target, null, p.name(), !p.required(), valid.withQuery(p.name(), null));
            add(MutationClass.EMPTY, target, "", p.name(), !p.required(), valid.withQuery(p.name(), ""));
            for (Mutant.Value v : queryValues(kind, p.schema())) {
                add(v.kind(), target, v.text(), p.name(), v.mayPass(), valid.withQuery(p.name(), v.text()));
            }
        }
    }

    private List<Mutant.Value> pathValues(Kind kind, JsonNode schema) {
        List<Mutant.Value> values = new ArrayList<>();
        values.add(refused(MutationClass.CONTROL_CHARACTERS, controlText()));
        values.add(refused(MutationClass.HUGE, letters(5000)));
        if (kind == Kind.UUID) {
            values.add(refused(MutationClass.MALFORMED_UUID, malformedUuid()));
        }
        if (kind == Kind.INTEGER || kind == Kind.NUMBER) {
            values.add(refused(MutationClass.WRONG_TYPE, "abc"));
            values.add(refused(MutationClass.OVERFLOW, overflowingInteger().toString()));
        }
        return values;
    }

    private List<Mutant.Value> queryValues(Kind kind, JsonNode schema) {
        List<Mutant.Value> values = new ArrayList<>();
        values.add(refused(MutationClass.CONTROL_CHARACTERS, controlText()));
        int max = schema.path("maxLength").asInt(0);
        values.add(new Mutant.Value(MutationClass.HUGE, letters(max > 0 ? max + 1 : 3000), max == 0));
        switch (kind) {
            case UUID -> values.add(refused(MutationClass.MALFORMED_UUID, malformedUuid()));
            case DATE -> {
                for (JsonNode date : malformedDates(false)) {
                    values.add(refused(MutationClass.MALFORMED_DATE, date.asText()));
                }
            }
            case DATETIME -> {
                for (JsonNode date : malformedDates(true)) {
                    values.add(refused(MutationClass.MALFORMED_DATE, date.asText()));
                }
            }
            case ENUM -> {
                values.add(refused(MutationClass.ENUM, "0"));
                values.add(refused(MutationClass.ENUM, unknownEnum(schema)));
            }
            case INTEGER, NUMBER -> {
                values.add(refused(MutationClass.WRONG_TYPE, one(Arbitraries.strings().alpha().ofLength(5))));
                values.add(refused(MutationClass.OVERFLOW, overflowingInteger().toString()));
                values.add(refused(MutationClass.OVERFLOW, "1e30"));
                values.add(refused(MutationClass.NAN_INFINITY, "NaN"));
                values.add(refused(MutationClass.NAN_INFINITY, "Infinity"));
                if (kind == Kind.INTEGER) {
                    values.add(refused(MutationClass.DECIMALS, "1.5"));
                }
                for (BigDecimal v : List.of(BigDecimal.ZERO, BigDecimal.ONE.negate())) {
                    values.add(new Mutant.Value(MutationClass.NEGATIVE_OR_ZERO, v.toPlainString(),
                            !belowMinimum(schema, v)));
                }
            }
            case BOOLEAN -> values.add(refused(MutationClass.WRONG_TYPE, "maybe"));
            default -> {
            }
        }
        return values;
    }

    // ------------------------------------------------------------------ body

    private void body() {
        if (valid.body() == null) {
            return;
        }
        String body = valid.body();
        String type = valid.contentType();
        add(MutationClass.CONTENT_TYPE, "body", "application/xml", null, false,
                valid.withBody(body, "application/xml"));
        add(MutationClass.OVERSIZED_BODY, "body", oversize + " bytes", null, false, valid);
        JsonNode json = valid.jsonBody();
        if (json == null || !operation.hasJsonBody()) {
            return;
        }
        add(MutationClass.EMPTY, "body", "", null, false, valid.withBody("", type));
        for (JsonNode other : List.<JsonNode>of(NODES.arrayNode(), NODES.textNode("x"), NODES.numberNode(42))) {
            add(MutationClass.WRONG_TYPE, "body", other.toString(), null, false,
                    valid.withBody(other.toString(), type));
        }
        walk(json, operation.bodySchema(), "", json, 0);
    }

    // Mutates every property the schema describes (given in the valid body or not), then descends into the
    // objects and the first element of the lists the valid body gives.
    private void walk(JsonNode root, JsonNode schema, String path, JsonNode node, int depth) {
        if (depth > MAX_DEPTH || schema == null) {
            return;
        }
        Kind kind = kind(schema);
        if (kind == Kind.OBJECT && node != null && node.isObject()) {
            Iterator<String> keys = node.fieldNames();
            if (keys.hasNext()) {
                String key = keys.next();
                add(MutationClass.DUPLICATE_KEY, prefix(path) + key, key, key, false,
                        withDuplicateKey(root, path, key));
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            Iterator<String> names = schema.path("properties").fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode property = schema.path("properties").get(name);
                String at = path.isEmpty() ? name : path + "." + name;
                field(root, at, name, property, required.contains(name), node.has(name));
                if (node.has(name)) {
                    walk(root, property, at, node.get(name), depth + 1);
                }
            }
        } else if (kind == Kind.ARRAY && node != null && node.isArray() && node.size() > 0) {
            JsonNode items = schema.path("items");
            String at = path + "[0]";
            // Leaving the first element out is still valid while the list keeps its minimum.
            field(root, at, leaf(path), items, node.size() <= schema.path("minItems").asInt(0), true);
            walk(root, items, at, node.get(0), depth + 1);
        }
    }

    private void field(JsonNode root, String path, String name, JsonNode schema, boolean required, boolean given) {
        Kind kind = kind(schema);
        String target = "body." + path;
        if (given) {
            List<String> removed = path.endsWith("]") ? texts(root.at(pointer(path))) : List.of();
            out.add(new Mutant(MutationClass.MISSING, target, null, name, !required, replace(root, path, null), 0,
                    removed));
            out.add(new Mutant(MutationClass.NULL, target, "null", name, !required,
                    replace(root, path, NODES.nullNode()), 0, removed));
        }
        for (Mutant.Valued v : bodyValues(kind, schema, required)) {
            add(v.kind(), target, v.node().toString(), name, v.mayPass(), replace(root, path, v.node()));
        }
    }

    private List<Mutant.Valued> bodyValues(Kind kind, JsonNode schema, boolean required) {
        List<Mutant.Valued> values = new ArrayList<>();
        Function<JsonNode, Mutant.Valued> wrong = n -> new Mutant.Valued(MutationClass.WRONG_TYPE, n, false);
        boolean text = kind == Kind.STRING || kind == Kind.UUID || kind == Kind.DATE || kind == Kind.DATETIME
                || kind == Kind.ENUM;
        if (text) {
            values.add(wrong.apply(NODES.numberNode(one(Arbitraries.integers().between(1, 99_999)))));
            values.add(wrong.apply(NODES.objectNode()));
            values.add(wrong.apply(NODES.arrayNode().add("x")));
            values.add(new Mutant.Valued(MutationClass.CONTROL_CHARACTERS, NODES.textNode(controlText()), false));
            boolean emptyAllowed = kind == Kind.STRING && !schema.has("pattern")
                    && schema.path("minLength").asInt(0) == 0;
            values.add(new Mutant.Valued(MutationClass.EMPTY, NODES.textNode(""), emptyAllowed));
        }
        switch (kind) {
            case STRING -> {
                int max = schema.path("maxLength").asInt(0);
                values.add(new Mutant.Valued(MutationClass.HUGE,
                        NODES.textNode(letters(max > 0 ? max + 1 + random.nextInt(20) : 20_000)), max == 0));
            }
            case UUID -> {
                values.add(new Mutant.Valued(MutationClass.MALFORMED_UUID, NODES.textNode(malformedUuid()), false));
                values.add(new Mutant.Valued(MutationClass.MALFORMED_UUID, NODES.numberNode(123), false));
            }
            case DATE, DATETIME -> {
                for (JsonNode date : malformedDates(kind == Kind.DATETIME)) {
                    values.add(new Mutant.Valued(MutationClass.MALFORMED_DATE, date, false));
                }
            }
            case ENUM -> {
                values.add(new Mutant.Valued(MutationClass.ENUM, NODES.numberNode(0), false));
                values.add(new Mutant.Valued(MutationClass.ENUM, NODES.numberNode(1), false));
                values.add(new Mutant.Valued(MutationClass.ENUM, NODES.textNode(unknownEnum(schema)), false));
            }
            case INTEGER, NUMBER -> numbers(kind, schema, values);
            case BOOLEAN -> {
                values.add(wrong.apply(NODES.textNode("true")));
                values.add(wrong.apply(NODES.numberNode(1)));
            }
            case OBJECT -> {
                values.add(wrong.apply(NODES.textNode("x")));
                values.add(wrong.apply(NODES.arrayNode()));
                values.add(new Mutant.Valued(MutationClass.EMPTY, NODES.textNode(""), false));
            }
            case ARRAY -> {
                values.add(wrong.apply(NODES.textNode("x")));
                values.add(wrong.apply(NODES.objectNode()));
                values.add(new Mutant.Valued(MutationClass.EMPTY, NODES.textNode(""), false));
            }
            default -> {
            }
        }
        return values;
    }

    private void numbers(Kind kind, JsonNode schema, List<Mutant.Valued> values) {
        values.add(new Mutant.Valued(MutationClass.WRONG_TYPE, NODES.textNode(
                String.valueOf(one(Arbitraries.integers().between(1, 999)))), false)); // "12" for 12
        values.add(new Mutant.Valued(MutationClass.WRONG_TYPE, NODES.textNode(
                one(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))), false));
        values.add(new Mutant.Valued(MutationClass.WRONG_TYPE, NODES.objectNode(), false));
        values.add(new Mutant.Valued(MutationClass.WRONG_TYPE, NODES.booleanNode(true), false));
        values.add(new Mutant.Valued(MutationClass.EMPTY, NODES.textNode(""), false));
        for (String s : List.of("NaN", "Infinity", "-Infinity")) {
            values.add(new Mutant.Valued(MutationClass.NAN_INFINITY, NODES.textNode(s), false));
        }
        values.add(new Mutant.Valued(MutationClass.NAN_INFINITY, NODES.numberNode(new BigDecimal("1e400")), false));
        values.add(new Mutant.Valued(MutationClass.NAN_INFINITY, NODES.numberNode(new BigDecimal("-1e400")), false));
        values.add(new Mutant.Valued(MutationClass.OVERFLOW, NODES.numberNode(overflowingInteger()), false));
        values.add(new Mutant.Valued(MutationClass.OVERFLOW, NODES.numberNode(TWO_TO_63), false));
        values.add(new Mutant.Valued(MutationClass.OVERFLOW, NODES.numberNode(BigInteger.TEN.pow(30)), false));
        for (BigDecimal v : List.of(BigDecimal.ZERO, negative(kind))) {
            values.add(
                    new Mutant.Valued(MutationClass.NEGATIVE_OR_ZERO, NODES.numberNode(v), !belowMinimum(schema, v)));
        }
        BigDecimal step = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : null;
        if (kind == Kind.INTEGER) {
            values.add(new Mutant.Valued(MutationClass.DECIMALS, NODES.numberNode(new BigDecimal("1.5")), false));
        } else {
            int scale = step == null ? 6 : step.stripTrailingZeros().scale() + 1;
            // 1 and one more decimal than the field keeps, its last digit not 0: 1.0007 for a quantity
            BigDecimal tooFine = BigDecimal.ONE.add(BigDecimal.valueOf(one(Arbitraries.integers().between(1, 9)))
                    .movePointLeft(scale));
            values.add(new Mutant.Valued(MutationClass.DECIMALS, NODES.numberNode(tooFine), step == null));
        }
    }

    // ------------------------------------------------------------------ values (jqwik)

    private <T> T one(Arbitrary<T> arbitrary) {
        return arbitrary.generator(GEN_SIZE).next(random).value();
    }

    private String controlText() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(0).ofMaxLength(6);
        return one(Combinators.combine(words, CONTROL, words).as((a, c, b) -> a + c + b));
    }

    private String letters(int length) {
        return one(Arbitraries.strings().withCharRange('a', 'z').ofLength(length));
    }

    private String malformedUuid() {
        String uuid = java.util.UUID.nameUUIDFromBytes(new byte[] { (byte) random.nextInt() }).toString();
        return one(Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(1).ofMaxLength(31),
                Arbitraries.of(uuid + "0", uuid.substring(1), uuid.replace('-', 'x'), uuid.substring(0, 35) + "g",
                        "not-a-uuid")));
    }

    private List<JsonNode> malformedDates(boolean time) {
        String suffix = time ? "T06:30:00Z" : "";
        List<JsonNode> dates = new ArrayList<>();
        dates.add(NODES.numberNode(one(Arbitraries.integers().between(1, 30_000)))); // days or seconds since 1970
        dates.add(NODES.textNode("+1000000-01-01" + suffix));
        dates.add(NODES.textNode("-0001-01-01" + suffix));
        dates.add(NODES.textNode("2026-02-" + one(Arbitraries.integers().between(30, 31)) + suffix));
        dates.add(NODES.textNode(one(Arbitraries.integers().between(1, 28)) + "/10/2026"));
        dates.add(NODES.textNode(time ? "2026-10-01T25:00:00Z" : "2026-13-01"));
        return dates;
    }

    private String unknownEnum(JsonNode schema) {
        Set<String> known = new HashSet<>();
        schema.path("enum").forEach(e -> known.add(e.asText()));
        return one(Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(4).ofMaxLength(12)
                .filter(s -> !known.contains(s)));
    }

    private BigInteger overflowingInteger() {
        return one(Arbitraries.bigIntegers().between(TWO_TO_63, BigInteger.TWO.pow(100)));
    }

    private BigDecimal negative(Kind kind) {
        return kind == Kind.INTEGER
                ? BigDecimal.valueOf(one(Arbitraries.integers().between(-1000, -1)))
                : one(Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("-0.001")).ofScale(3));
    }

    private static boolean belowMinimum(JsonNode schema, BigDecimal value) {
        JsonNode min = schema.get("minimum");
        JsonNode exclusive = schema.get("exclusiveMinimum");
        if (exclusive != null && exclusive.isNumber() && value.compareTo(exclusive.decimalValue()) <= 0) {
            return true;
        }
        if (min != null && min.isNumber()) {
            boolean exclusiveFlag = exclusive != null && exclusive.asBoolean(false);
            int c = value.compareTo(min.decimalValue());
            return exclusiveFlag ? c <= 0 : c < 0;
        }
        return false;
    }

    private static Mutant.Value refused(MutationClass kind, String text) {
        return new Mutant.Value(kind, text, false);
    }

    // ------------------------------------------------------------------ JSON surgery

    private ApiRequest replace(JsonNode root, String path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        JsonNode parent = cut <= 0 ? copy : copy.at(pointer(path.substring(0, cut)));
        String last = path.substring(cut + 1);
        if (last.endsWith("]")) {
            ArrayNode array = (ArrayNode) parent;
            if (value == null) {
                array.remove(0);
            } else {
                array.set(0, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return valid.withBody(copy.toString(), valid.contentType());
    }

    // The object at path written with its first key twice: {"a":1,"a":1,...}.
    private ApiRequest withDuplicateKey(JsonNode root, String path, String key) {
        JsonNode copy = root.deepCopy();
        ObjectNode object = (ObjectNode) (path.isEmpty() ? copy : copy.at(pointer(path)));
        String marker = "\"" + key + "\":\"__articula_duplicate__\"";
        JsonNode value = object.get(key);
        object.put(key, "__articula_duplicate__");
        String text = copy.toString().replace(marker, "\"" + key + "\":" + value + ",\"" + key + "\":" + value);
        return valid.withBody(text, valid.contentType());
    }

    // The texts inside an element, by which another field may refer to it.
    private static List<String> texts(JsonNode element) {
        List<String> texts = new ArrayList<>();
        if (element.isTextual() && element.asText().length() >= 3) {
            texts.add(element.asText());
        }
        element.forEach(child -> texts.addAll(texts(child)));
        return texts;
    }

    private static String pointer(String path) {
        return "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "body." : "body." + path + ".";
    }

    private static String leaf(String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    private void add(MutationClass kind, String target, String value, String named, boolean mayPass,
            ApiRequest request) {
        out.add(new Mutant(kind, target, value, named, mayPass, request,
                kind == MutationClass.OVERSIZED_BODY ? oversize : 0, List.of()));
    }

    static Kind kind(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return Kind.ANY;
        }
        if (schema.has("enum")) {
            return Kind.ENUM;
        }
        JsonNode typeNode = schema.path("type");
        String type = typeNode.asText("");
        if (typeNode.isArray()) {
            type = "";
            for (JsonNode t : typeNode) {
                if (!t.asText().equals("null")) {
                    type = t.asText();
                }
            }
        }
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> switch (format) {
                case "uuid" -> Kind.UUID;
                case "date" -> Kind.DATE;
                case "date-time" -> Kind.DATETIME;
                default -> Kind.STRING;
            };
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> Kind.ARRAY;
            case "object" -> Kind.OBJECT;
            default -> schema.has("properties") ? Kind.OBJECT : Kind.ANY;
        };
    }
}
