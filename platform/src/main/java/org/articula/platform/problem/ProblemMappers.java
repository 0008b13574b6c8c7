package org.articula.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.articula.platform.input.StrictJson;
import org.articula.platform.transaction.LostRace;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into RFC 9457 problem+json. Expected refusals say what is wrong;
 * unexpected ones say only that something failed and under which id it was logged (no stack traces).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");
    private static final String DUPLICATE_KEY_MESSAGE = "clave repetida: no se sabe cuál de sus valores vale";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = e.problem().withInstance(uri.getPath()).toResponse();
        Integer retryAfter = e.type().retryAfterSeconds();
        return retryAfter == null
                ? response
                : Response.fromResponse(response).header("Retry-After", retryAfter.toString()).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = Problem.Violation.sorted(e.getConstraintViolations());
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return Problem.of(ProblemType.VALIDATION, detail).withViolations(violations).withInstance(uri.getPath())
                .toResponse();
    }

    @ServerExceptionMapper({ JsonParseException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String key = repeatedKey(e);
        if (key != null && e.getProcessor() instanceof JsonParser parser) {
            String object = jsonPath(parser.getParsingContext());
            String field = object.equals(key) || object.endsWith("." + key)
                    ? object
                    : object.isEmpty() ? key : object + "." + key;
            return duplicateKey(field).withInstance(uri.getPath()).toResponse();
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "El cuerpo no es JSON válido: " + e.getOriginalMessage())
                .withInstance(uri.getPath()).toResponse();
    }

    // A key given twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION): which value was meant is unknown.
    // Inside a list, Jackson wraps the parser's refusal in a mapping exception that carries the path.
    private static String repeatedKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                Matcher duplicate = DUPLICATE_KEY.matcher(parse.getOriginalMessage());
                return duplicate.lookingAt() ? duplicate.group(1) : null;
            }
        }
        return null;
    }

    private static Problem malformedField(String field, String message) {
        return Problem.of(ProblemType.MALFORMED_REQUEST, field + ": " + message)
                .withViolations(List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper({ MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class, JsonMappingException.class })
    public Response wrongJsonShape(JsonMappingException e, UriInfo uri) {
        return unreadable(e).withInstance(uri.getPath()).toResponse();
    }

    /**
     * A body, or one item of a batch, that could not be read as the type expected, naming the field by its
     * JSON path from where reading started.
     */
    public static Problem unreadable(JsonMappingException e) {
        String field = jsonPath(e.getPath());
        String key = repeatedKey(e);
        if (key != null) {
            return duplicateKey(field.isEmpty() ? key : field + "." + key);
        }
        String message = messageFor(e);
        ProblemType type = e instanceof StrictJson.ControlCharacterException
                ? ProblemType.VALIDATION
                : ProblemType.MALFORMED_REQUEST;
        Problem problem = Problem.of(type, field.isEmpty() ? message : field + ": " + message);
        return field.isEmpty() ? problem : problem.withViolations(List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentModification(RuntimeException e, UriInfo uri) {
        return Problem.of(ProblemType.CONCURRENT_MODIFICATION,
                "Otra solicitud cambió este recurso; vuelva a leerlo y repita el cambio.")
                .withInstance(uri.getPath()).toResponse();
    }

    /**
     * A unique key broken: two requests created the same thing at the same moment (creates are
     * idempotent by client id, so repeating the request answers with what the winner stored). Other
     * constraint failures are bugs and answered as such.
     */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return LostRace.duplicate(e) ? concurrentCreate(uri) : unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.HTTP_ERROR;
        };
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException refused) { // a parameter refused by name (QueryParameterConverters)
            return problem(refused, uri);
        }
        if (cause instanceof JsonMappingException mapping) {
            return wrongJsonShape(mapping, uri);
        }
        if (cause instanceof JsonParseException parse) {
            return unreadableJson(parse, uri);
        }
        return new Problem(type.uri(), type.title(), status, detailOf(status, type, e.getMessage()), uri.getPath(),
                List.of(), null).toResponse();
    }

    /** The framework's own messages for these are English ("HTTP 404 Not Found"); users read Spanish. */
    private static String detailOf(int status, ProblemType type, String message) {
        return switch (status) {
            case 404 -> "No existe nada en esta dirección.";
            case 405 -> "Esta dirección no admite ese método.";
            case 406 -> "Esta respuesta no se entrega en ninguno de los tipos pedidos en Accept; pida "
                    + "application/json (o el tipo que la operación documenta: text/csv, application/pdf, "
                    + "application/geo+json...).";
            case 415 -> "El cuerpo de la solicitud no se lee en ese Content-Type; envíe application/json.";
            default -> message == null ? type.title() : message;
        };
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // A duplicate found only at commit arrives wrapped (rollback, persistence exceptions, JDBC batches);
        // a resource marked @RetryLostRace gets here only when its repeats lost the race too.
        if (LostRace.duplicate(e)) {
            return concurrentCreate(uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return Problem.of(ProblemType.INTERNAL, "Ocurrió un error inesperado. Código para soporte: " + errorId)
                .withErrorId(errorId).withInstance(uri.getPath()).toResponse();
    }

    private static Response concurrentCreate(UriInfo uri) {
        return Problem.of(ProblemType.CONCURRENT_MODIFICATION,
                "Otra solicitud registró lo mismo al mismo tiempo; repita la solicitud.")
                .withInstance(uri.getPath()).toResponse();
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    // Where a parser stands, as a JSON path: "readings[0].parameter".
    static String jsonPath(JsonStreamContext context) {
        return jsonPath(context, Integer.MAX_VALUE);
    }

    /**
     * Where a parser stands, as a JSON path from {@code levels} objects and lists up (from where an item
     * of a list starts: "readings[0].parameter").
     */
    public static String jsonPath(JsonStreamContext context, int levels) {
        StringBuilder field = new StringBuilder();
        int level = 0;
        for (JsonStreamContext c = context; c != null && !c.inRoot() && level < levels; c = c.getParent(), level++) {
            if (c.inArray()) {
                field.insert(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                boolean top = level == levels - 1 || c.getParent() == null || c.getParent().inRoot();
                field.insert(0, (top ? "" : ".") + c.getCurrentName());
            }
        }
        return field.toString();
    }

    /** A key given twice in one object, at {@code field}: which of its values was meant is unknown. */
    public static Problem duplicateKey(String field) {
        return malformedField(field, DUPLICATE_KEY_MESSAGE);
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof StrictJson.ControlCharacterException) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "campo desconocido '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException format) {
            return "el valor '" + format.getValue() + "' no es un " + describe(format.getTargetType());
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "se esperaba un " + describe(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "valor válido";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "número";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "valor verdadero/falso";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (type.isEnum()) {
            return "valor entre " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "fecha/hora ISO-8601 (" + type.getSimpleName() + ")";
        }
        return type.getSimpleName();
    }
}
