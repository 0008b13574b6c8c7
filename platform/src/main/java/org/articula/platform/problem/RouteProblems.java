package org.articula.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Answers a problem from a Vert.x route that refuses a request before the REST layer sees it. */
public final class RouteProblems {

    private RouteProblems() {
    }

    /** Ends the response with {@code type}'s status, problem+json naming the request's path, and {@code headers}. */
    public static void answer(RoutingContext context, ObjectMapper json, ProblemKind type, String detail,
            Map<String, String> headers) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of(type, detail).withInstance(context.request().path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse response = context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }
}
