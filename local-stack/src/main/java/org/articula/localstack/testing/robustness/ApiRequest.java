package org.articula.localstack.testing.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to an operation: its path and query parameters, body and headers. A seed gives a valid one;
 * the suite derives the hostile ones from it. Immutable: every {@code with...} returns a copy.
 *
 * @param body        the body as sent (JSON text, CSV...), null for none
 * @param contentType null for none
 */
public record ApiRequest(Map<String, String> pathParams, Map<String, String> query, String body, String contentType,
        Map<String, String> headers) {

    static final ObjectMapper JSON = new ObjectMapper();

    public ApiRequest {
        pathParams = copy(pathParams);
        query = copy(query);
        headers = copy(headers);
    }

    /** No parameters, no body: add them with the {@code with...} methods. */
    public static ApiRequest empty() {
        return new ApiRequest(Map.of(), Map.of(), null, null, Map.of());
    }

    /** A JSON body: a Map, a record, a JsonNode... anything Jackson writes. */
    public static ApiRequest json(Object body) {
        return empty().withJson(body);
    }

    public ApiRequest withPath(String name, Object value) {
        Map<String, String> p = copy(pathParams);
        p.put(name, String.valueOf(value));
        return new ApiRequest(p, query, body, contentType, headers);
    }

    /** A query parameter; null removes it. */
    public ApiRequest withQuery(String name, Object value) {
        Map<String, String> q = copy(query);
        if (value == null) {
            q.remove(name);
        } else {
            q.put(name, String.valueOf(value));
        }
        return new ApiRequest(pathParams, q, body, contentType, headers);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> h = copy(headers);
        h.put(name, value);
        return new ApiRequest(pathParams, query, body, contentType, h);
    }

    public ApiRequest withJson(Object value) {
        try {
            String text = value instanceof String s ? s : JSON.writeValueAsString(value);
            return withBody(text, "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public ApiRequest withBody(String text, String type) {
        return new ApiRequest(pathParams, query, text, type, headers);
    }

    /** The body as JSON, or null when there is none or it is not JSON. */
    public JsonNode jsonBody() {
        if (body == null || contentType == null || !contentType.contains("json")) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }
}
