package org.articula.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

        /**
         * Bean Validation's violations as the client should read them, by field and then message, so the same
         * request is always answered the same way whether the resource or a service checked it.
         */
        public static List<Violation> sorted(Collection<? extends ConstraintViolation<?>> violations) {
            return violations.stream().map(v -> new Violation(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message)).toList();
        }

        // "create.request.readings[0].value" -> "readings[0].value": the method and the body parameter are
        // not part of what the client sent; a path or query parameter is named by itself.
        static String fieldOf(ConstraintViolation<?> violation) {
            List<Path.Node> nodes = new ArrayList<>();
            violation.getPropertyPath().forEach(nodes::add);
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < nodes.size(); i++) {
                Path.Node node = nodes.get(i);
                boolean last = i == nodes.size() - 1;
                if (node.getKind() == ElementKind.PARAMETER && last) {
                    field.append(node.getName());
                }
                // An element of a list or map: its position belongs to the enclosing property.
                if (node.isInIterable() && field.length() > 0) {
                    Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                    field.append('[').append(position == null ? "" : position).append(']');
                }
                if (node.getKind() != ElementKind.PROPERTY || node.getName() == null) {
                    continue;
                }
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            return field.length() == 0 ? "request" : field.toString();
        }
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
