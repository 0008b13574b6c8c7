package org.articula.platform.problem;

/**
 * The problem types of plumbing every service shares (invalid input, authentication, not found,
 * concurrency...). Business refusals have kinds of their own, in each service. Clients switch on
 * {@link #uri()}.
 */
public enum ProblemType implements ProblemKind {
    VALIDATION("validation", "La solicitud tiene datos inválidos", 400,
            "A field or parameter breaks its rule; violations name each one. Correct them and send again."),
    MALFORMED_REQUEST("malformed-request", "La solicitud no se puede leer", 400,
            "The body is not JSON of the expected shape (a value of the wrong type, a key given twice, an unknown "
                    + "field); violations name the field when known."),
    UNAUTHORIZED("unauthorized", "Se requiere un token válido", 401, "No token, or one that is invalid or expired."),
    FORBIDDEN("forbidden", "Su rol no permite esta operación", 403, "The caller's roles do not allow the operation."),
    NOT_FOUND("not-found", "No encontrado", 404,
            "Nothing with that id, or nothing the caller's organisation may see: both are answered alike."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Método no permitido", 405, "The path does not take this method."),
    NOT_ACCEPTABLE("not-acceptable", "Formato de respuesta no disponible", 406,
            "None of the media types in Accept is offered."),
    CONFLICT("conflict", "Conflicto con el estado actual", 409,
            "The id already identifies something else, with other content: send it under a new id."),
    INVALID_TRANSITION("invalid-transition", "Cambio de estado no permitido", 409,
            "The resource's status does not allow this change."),
    CONCURRENT_MODIFICATION("concurrent-modification", "Modificado por otra persona al mismo tiempo", 409,
            "Someone changed the resource since it was read, or created the same thing at the same moment: read "
                    + "it again and repeat the change."),
    PAYLOAD_TOO_LARGE("payload-too-large", "La solicitud es demasiado grande", 413, "The body exceeds the limit."),
    URI_TOO_LONG("uri-too-long", "La dirección de la solicitud es demasiado larga", 414,
            "The URL exceeds the limit."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Tipo de contenido no soportado", 415,
            "The body's Content-Type is not one the operation reads."),
    BUSINESS_RULE("business-rule", "La operación infringe una regla del acuerdo", 422,
            "A business rule without a type of its own refuses the operation; detail says which."),
    DEAD_LETTER_STILL_FAILING("dead-letter-still-failing", "El evento aún no se puede aplicar", 422,
            "Re-driving a dead letter failed again; detail gives the reason. It stays dead-lettered and nothing was "
                    + "changed: fix the cause and re-drive it again."),
    HTTP_ERROR("http-error", "Error en la solicitud", 400, "Another client error of HTTP."),
    INTERNAL("internal", "Error interno", 500,
            "An unexpected failure; errorId names it in the service's log. Nothing was changed."),
    UNAVAILABLE("unavailable", "Servicio no disponible temporalmente", 503,
            "A dependency (database, broker) is down; retry later."),
    OVERLOADED("overloaded", "Servicio ocupado", 503, 1,
            "The service is serving all the requests it can answer quickly and refused this one before reading it: "
                    + "nothing was done, and the same request (same id) may be sent again.");

    private final Definition definition;

    ProblemType(String slug, String title, int status, String description) {
        this(slug, title, status, null, description);
    }

    ProblemType(String slug, String title, int status, Integer retryAfterSeconds, String description) {
        this.definition = new Definition(slug, title, status, retryAfterSeconds, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
