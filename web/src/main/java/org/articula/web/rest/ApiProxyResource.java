package org.articula.web.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.articula.web.auth.Sessions;
import org.articula.web.service.Upstreams;
import org.jboss.logging.Logger;

/**
 * The browser's only door to the services: {@code /api/<contracts|lots|payments>/v1/...} goes to that
 * service's {@code /api/v1/...} with the session's token as the bearer. Answers, problems included,
 * come back as the service gave them.
 */
@Path("/api/{service}/{path: .+}")
public class ApiProxyResource {

    private static final Logger LOG = Logger.getLogger(ApiProxyResource.class);
    /** What a request may carry through; cookies and the browser's other headers stay here. */
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Accept-Language",
            "If-Match", "If-None-Match", "Prefer");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Disposition", "ETag",
            "Cache-Control", "Retry-After", "Preference-Applied");

    // A settlement run of thousands of producers may take a while; a lot takes milliseconds.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    Upstreams upstreams;
    @Inject
    Sessions sessions;
    @Inject
    SecurityIdentity identity;

    @GET
    public Response get(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", service, path, uri, headers, null);
    }

    @POST
    public Response post(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", service, path, uri, headers, body);
    }

    @PUT
    public Response put(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", service, path, uri, headers, body);
    }

    @PATCH
    public Response patch(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", service, path, uri, headers, body);
    }

    @DELETE
    public Response delete(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", service, path, uri, headers, null);
    }

    private Response forward(String method, String service, String path, UriInfo uri, HttpHeaders headers,
            byte[] body) {
        Optional<URI> base = upstreams.of(service);
        if (base.isEmpty()) {
            return Problems.of(404, "not-found", "No encontrado", "No existe el servicio " + service);
        }
        if (!"GET".equals(method) && !sameOrigin(headers, uri)) {
            // SameSite=Strict already keeps the cookie off other sites' requests; this refuses them outright.
            return Problems.of(403, "forbidden", "Origen no permitido", "La petición no viene de esta aplicación");
        }
        String query = uri.getRequestUri().getRawQuery();
        URI target = URI.create(base.get() + "/api/" + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
                .method(method, body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        sessions.token(headers, identity).ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warnf("%s %s: %s", method, target, e.toString());
            return Problems.of(502, "service-unavailable", "Servicio no disponible",
                    "El servicio " + service + " no respondió; vuelva a intentar en un momento");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problems.of(503, "service-unavailable", "Servicio no disponible", "Vuelva a intentar");
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        for (String name : RESPONSE_HEADERS) {
            answer.headers().firstValue(name).ifPresent(value -> response.header(name, value));
        }
        // A created resource's address as the browser reaches it: through this module, not the service.
        answer.headers().firstValue("Location").ifPresent(location -> response.header("Location",
                location.replaceFirst("^https?://[^/]+/api/", "/api/" + service + "/")));
        return response.build();
    }

    private static boolean sameOrigin(HttpHeaders headers, UriInfo uri) {
        String origin = headers.getHeaderString("Origin");
        if (origin == null) {
            return true; // not a browser's cross-site request (those always carry Origin on POST)
        }
        URI self = uri.getRequestUri();
        String host = headers.getHeaderString("Host");
        return origin.equals(self.getScheme() + "://" + (host != null ? host : self.getAuthority()));
    }
}
