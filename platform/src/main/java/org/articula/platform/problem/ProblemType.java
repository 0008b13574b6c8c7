package org.articula.platform.problem;

/** The stable problem types every service answers with. Clients switch on {@link #uri()}. */
public enum ProblemType {
    VALIDATION("validation", "La solicitud tiene datos inválidos", 400),
    MALFORMED_REQUEST("malformed-request", "La solicitud no se puede leer", 400),
    UNAUTHORIZED("unauthorized", "Se requiere un token válido", 401),
    FORBIDDEN("forbidden", "Su rol no permite esta operación", 403),
    NOT_FOUND("not-found", "No encontrado", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Método no permitido", 405),
    NOT_ACCEPTABLE("not-acceptable", "Formato de respuesta no disponible", 406),
    CONFLICT("conflict", "Conflicto con el estado actual", 409),
    INVALID_TRANSITION("invalid-transition", "Cambio de estado no permitido", 409),
    CONCURRENT_MODIFICATION("concurrent-modification", "Modificado por otra persona al mismo tiempo", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", "La solicitud es demasiado grande", 413),
    URI_TOO_LONG("uri-too-long", "La dirección de la solicitud es demasiado larga", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Tipo de contenido no soportado", 415),
    BUSINESS_RULE("business-rule", "La operación infringe una regla del acuerdo", 422),
    HTTP_ERROR("http-error", "Error en la solicitud", 400),
    INTERNAL("internal", "Error interno", 500),
    UNAVAILABLE("unavailable", "Servicio no disponible temporalmente", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
