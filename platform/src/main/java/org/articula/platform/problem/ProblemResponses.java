package org.articula.platform.problem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.articula.platform.idempotency.CreatedResponse;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Gives every operation of a service's OpenAPI document the problem+json answers the plumbing can give it,
 * derived from what the operation is: any operation may be refused for a URL too long (414) or a dependency
 * down or the service busy (503); one with input, for bad input (400); one that answers a body, for an Accept it cannot meet
 * (406); one that reads a body, for its size (413) and Content-Type (415); one with an id in its path, a
 * UUID in its query or a body (which names what it refers to), with 404 (unknown and another organisation's
 * alike); a write, with 409 (a conflict, a
 * concurrent change or a state that forbids it) and 422 (a business rule refuses it). 401 and 403 come
 * from the operation's roles. Every answer of 400 and above gets the Problem schema, and its description
 * lists the problem types answered with that status. Every 201 gets its Location header and, since every create
 * is idempotent by the client's id, a 200 for a repeat of the same request (see idempotency.Created).
 *
 * <p>A status an operation gives for a reason of its own (a 409 or 422 on a read, say) is declared on the
 * method with {@code @APIResponse}; this fills in its body.
 */
final class ProblemResponses {

    /** What the scanner writes when it knows nothing better. */
    private static final Set<String> GENERIC = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    private ProblemResponses() {
    }

    static void document(OpenAPI openAPI, List<ProblemKind> kinds) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<Integer, List<ProblemKind>> typesByStatus = new TreeMap<>(kinds.stream()
                .collect(Collectors.groupingBy(ProblemKind::status)));
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                document(entry.getKey(), entry.getValue(), path.getParameters(), typesByStatus);
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation, List<Parameter> pathParameters,
            Map<Integer, List<ProblemKind>> typesByStatus) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        documentCreate(operation, responses);
        List<Parameter> parameters = new java.util.ArrayList<>();
        if (pathParameters != null) {
            parameters.addAll(pathParameters);
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean readsBody = operation.getRequestBody() != null;
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean answersBody = responses.getAPIResponses().entrySet().stream()
                .anyMatch(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null
                        && !r.getValue().getContent().getMediaTypes().isEmpty());
        boolean identified = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH
                || p.getIn() == Parameter.In.QUERY && p.getSchema() != null && isUuid(p.getSchema()));

        if (readsBody || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.HEADER)) {
            ensure(responses, 400);
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            ensure(responses, 401);
            ensure(responses, 403);
        }
        if (identified || readsBody) { // a body names what it refers to: an organisation, a producer, a centre
            ensure(responses, 404);
        }
        if (answersBody) {
            ensure(responses, 406);
        }
        if (write) {
            ensure(responses, 409);
            ensure(responses, 422);
        }
        if (readsBody) {
            ensure(responses, 413);
            ensure(responses, 415);
        }
        ensure(responses, 414);
        ensure(responses, 503);
        for (Map.Entry<String, APIResponse> response : Map.copyOf(responses.getAPIResponses()).entrySet()) {
            int status = statusOf(response.getKey());
            if (status >= 400) {
                responses.addAPIResponse(response.getKey(), problem(response.getValue(), status,
                        typesByStatus.getOrDefault(status, List.of())));
            } else if (status == 201) {
                addLocation(response.getValue());
                addRepeat(responses, response.getValue());
            }
        }
    }

    /**
     * A create typed {@code RestResponse<View>} and marked with {@link CreatedResponse#CREATED} gets from the scanner
     * a 200 with the view's schema: that becomes the 201 (described by the mark), and addRepeat makes the 200.
     */
    private static void documentCreate(Operation operation, APIResponses responses) {
        Object described = operation.getExtensions() == null
                ? null
                : operation.getExtensions().get(CreatedResponse.CREATED);
        APIResponse scanned = responses.getAPIResponse("200");
        if (described == null || scanned == null) {
            return;
        }
        operation.removeExtension(CreatedResponse.CREATED);
        Map<String, APIResponse> ordered = new java.util.LinkedHashMap<>();
        responses.getAPIResponses().forEach((code, response) -> ordered.put(code.equals("200") ? "201" : code,
                code.equals("200")
                        ? OASFactory.createAPIResponse().description(described.toString())
                                .content(scanned.getContent())
                        : response));
        responses.setAPIResponses(ordered);
    }

    private static boolean isUuid(Schema schema) {
        return "uuid".equals(schema.getFormat()) || schema.getRef() != null && schema.getRef().endsWith("/UUID");
    }

    private static int statusOf(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1; // "default" or a range
        }
    }

    private static void ensure(APIResponses responses, int status) {
        if (!responses.hasAPIResponse(Integer.toString(status))) {
            responses.addAPIResponse(Integer.toString(status), OASFactory.createAPIResponse());
        }
    }

    // A new response each time: the scanner shares one 401 (and 403) among all operations.
    private static APIResponse problem(APIResponse declared, int status, List<ProblemKind> kinds) {
        String what = switch (status) {
            case 400 -> "Bad input: the violations name each field or parameter";
            case 401 -> "No valid token";
            case 403 -> "The caller's roles do not allow it";
            case 404 -> "Not found, or another organisation's";
            case 406 -> "None of the media types in Accept is offered";
            case 409 -> "In conflict with the resource's state";
            case 413 -> "The body is too large";
            case 414 -> "The URL is too long";
            case 415 -> "The body's Content-Type is not read here";
            case 422 -> "A business rule refuses it; nothing was changed";
            case 503 -> "Unavailable for now (a dependency down, or the service busy); repeat the same request later";
            default -> "Refused";
        };
        String own = declared.getDescription();
        boolean generic = own == null || own.isBlank() || GENERIC.contains(own);
        String types = kinds.stream().map(ProblemKind::uri).collect(Collectors.joining(", "));
        APIResponse response = OASFactory.createAPIResponse()
                .description((generic ? what : own) + (types.isEmpty() ? "" : ". Problem types: " + types))
                .headers(declared.getHeaders() == null ? null : new java.util.LinkedHashMap<>(declared.getHeaders()))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
        List<String> temporary = kinds.stream().filter(k -> k.retryAfterSeconds() != null).map(ProblemKind::uri)
                .toList();
        if (!temporary.isEmpty()) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds after which the same request may succeed; sent with " + String.join(", ",
                            temporary))
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)
                            .minimum(BigDecimal.ZERO)));
        }
        return response;
    }

    private static void addRepeat(APIResponses responses, APIResponse created) {
        if (responses.hasAPIResponse("200")) {
            return;
        }
        Map<String, APIResponse> ordered = new java.util.LinkedHashMap<>();
        ordered.put("200", OASFactory.createAPIResponse()
                .description(REPEAT)
                .content(created.getContent()));
        ordered.putAll(responses.getAPIResponses());
        responses.setAPIResponses(ordered);
    }

    private static final String REPEAT = "A repeat of the same request (same id): what the first one stored, "
            + "unchanged";

    private static void addLocation(APIResponse response) {
        if (response.getHeaders() != null && response.getHeaders().containsKey("Location")) {
            return;
        }
        Header location = OASFactory.createHeader().required(true)
                .description("Where the created resource is read")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference"));
        response.addHeader("Location", location);
        if (response.getDescription() == null) {
            response.setDescription("Created");
        }
    }
}
