package org.articula.platform.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * No token, or one that is expired, forged or unsigned: 401; a role the endpoint does not admit: 403;
 * both as problem+json. Works because authentication is not proactive
 * ({@code quarkus.http.auth.proactive=false}): it happens when an endpoint asks for the identity, so its
 * failure reaches these mappers. Why a token was refused is logged, not told to the caller.
 */
public class SecurityProblemMappers {

    private static final Logger LOG = Logger.getLogger(SecurityProblemMappers.class);

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        LOG.debugf("refused %s: %s", uri.getPath(), e);
        return Response.fromResponse(Problem.of(ProblemType.UNAUTHORIZED,
                "Envíe un token JWT válido y vigente en la cabecera Authorization: Bearer <token>")
                .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(ProblemType.FORBIDDEN, "Ninguno de sus roles permite esta operación")
                .withInstance(uri.getPath()).toResponse();
    }
}
