package org.articula.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * RFC 9457 problem details. {@code type} is stable and machine-readable; {@code detail} is for people.
 *
 * @param violations one entry per invalid field, for validation problems
 * @param errorId    for unexpected errors: the id under which the server logged the cause
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:articula:problem:";

    /** A field that was rejected, named by its JSON path in the request (e.g. {@code readings[0].value}). */
    public record Violation(String field, String message) {
    }

    public static Problem of(ProblemKind type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of(), null);
    }

    public Problem withViolations(List<Violation> fields) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fields), errorId);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations, errorId);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, violations, id);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
