package org.articula.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} (413) or a URL over {@code articula.http.max-uri-length}
 * (414) is refused with problem+json before anything reads it; the HTTP server's own refusals carry an empty
 * body. Its own limit on the request line is set higher than ours (META-INF/microprofile-config.properties),
 * so that ours answers first. A chunked body without Content-Length is still cut by the server alone.
 */
@Singleton
public class OversizedRequests {

    /** Before Quarkus's own check of the body size, which is at order -2. */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;
    @ConfigProperty(name = "articula.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            refuse(context, ProblemType.URI_TOO_LONG, "La dirección de la solicitud supera " + maxUriLength
                    + " caracteres; envíe los datos en el cuerpo o en varias solicitudes");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "El cuerpo de la solicitud supera "
                    + maxBodySize.asLongValue() + " bytes; divídalo en varias solicitudes");
            return;
        }
        context.next();
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses it
        }
    }

    // The body is not read: the connection closes once the answer is sent.
    private void refuse(RoutingContext context, ProblemType type, String detail) {
        context.response().endHandler(done -> context.request().connection().close());
        RouteProblems.answer(context, json, type, detail, Map.of(HttpHeaders.CONNECTION.toString(), "close"));
    }
}
