package org.articula.localstack.testing.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An operation as the service's OpenAPI document describes it: its parameters, the schema of its JSON body
 * (references resolved) and the statuses it documents.
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
        Set<String> bodyTypes, Set<Integer> documentedStatuses) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A path or query parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** "POST /api/v1/lots": how seeds and the report name it. */
    public String key() {
        return method + " " + path;
    }

    public boolean hasJsonBody() {
        return bodySchema != null;
    }

    /** Every operation of the document, in its order. */
    public static List<ApiOperation> all(String openApiJson) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(openApiJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON", e);
        }
        List<ApiOperation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations.add(of(document, op.getKey().toUpperCase(), path.getKey(), op.getValue(),
                        path.getValue().path("parameters")));
            }
        }
        return operations;
    }

    private static ApiOperation of(JsonNode document, String method, String path, JsonNode op, JsonNode shared) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(shared, op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode parameter = resolve(document, p);
                String in = parameter.path("in").asText();
                if (in.equals("path") || in.equals("query")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), in,
                            parameter.path("required").asBoolean(false),
                            resolveDeep(document, parameter.path("schema"), 0)));
                }
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        Set<String> types = new LinkedHashSet<>();
        content.fieldNames().forEachRemaining(types::add);
        JsonNode json = content.path("application/json").path("schema");
        JsonNode body = json.isMissingNode() ? null : resolveDeep(document, json, 0);
        Set<Integer> statuses = new LinkedHashSet<>();
        op.path("responses").fieldNames().forEachRemaining(code -> {
            if (code.matches("\\d{3}")) {
                statuses.add(Integer.parseInt(code));
            }
        });
        return new ApiOperation(method, path, parameters, body, types, statuses);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    // A schema with every $ref replaced by what it names (and a lone allOf merged), to a bounded depth.
    private static JsonNode resolveDeep(JsonNode document, JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || depth > 12) {
            return node;
        }
        JsonNode schema = resolve(document, node);
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (node.isObject() && node != schema) {
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref")) {
                    copy.set(e.getKey(), e.getValue()); // siblings of a $ref (nullable, description)
                }
            });
        }
        JsonNode allOf = copy.remove("allOf");
        if (allOf != null) {
            for (JsonNode part : allOf) {
                JsonNode resolved = resolveDeep(document, part, depth + 1);
                resolved.fields().forEachRemaining(e -> copy.putIfAbsent(e.getKey(), e.getValue()));
            }
        }
        JsonNode properties = copy.get("properties");
        if (properties != null) {
            ObjectNode resolved = copy.putObject("properties");
            properties.fields().forEachRemaining(e -> resolved.set(e.getKey(),
                    resolveDeep(document, e.getValue(), depth + 1)));
        }
        if (copy.has("items")) {
            copy.set("items", resolveDeep(document, copy.get("items"), depth + 1));
        }
        if (copy.has("additionalProperties") && copy.get("additionalProperties").isObject()) {
            copy.set("additionalProperties", resolveDeep(document, copy.get("additionalProperties"), depth + 1));
        }
        return copy;
    }
}
