package org.articula.web.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.articula.web.auth.DevSignIn;
import org.articula.web.auth.DevSignIn.DevUser;
import org.articula.web.auth.Sessions;
import org.articula.web.auth.TokenClaims;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in and sign-out, and who is signed in, for the app. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** How this deployment signs people in, so the sign-in page offers only what works. */
    public record SignInOptions(boolean devUsers, boolean oidc) {
    }

    /** The signed-in user as the app shows them. */
    public record Me(String name, List<String> roles, String organisationId, String producerId, String expiresAt) {
    }

    public record DevLogin(String userId) {
    }

    @Inject
    DevSignIn dev;
    @Inject
    Sessions sessions;
    @Inject
    SecurityIdentity identity;
    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean oidc;

    @GET
    @Path("/options")
    public SignInOptions options() {
        return new SignInOptions(dev.enabled(), oidc);
    }

    @GET
    @Path("/dev-users")
    public Response devUsers() {
        if (!dev.enabled()) {
            return notOffered();
        }
        return Response.ok(dev.users()).build();
    }

    @POST
    @Path("/dev-login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response devLogin(DevLogin login, @Context UriInfo uri) {
        if (!dev.enabled()) {
            return notOffered();
        }
        DevUser user = login == null || login.userId() == null ? null : dev.user(login.userId()).orElse(null);
        if (user == null) {
            return Problems.of(422, "validation", "Usuario desconocido", "Elija uno de los usuarios de ejemplo");
        }
        String token = dev.sign(user);
        return Response.ok(me(TokenClaims.read(token).orElseThrow()))
                .cookie(sessions.open(token, secure(uri))).build();
    }

    @GET
    @Path("/me")
    public Response me(@Context HttpHeaders headers) {
        return sessions.token(headers, identity).flatMap(TokenClaims::read)
                .map(claims -> Response.ok(me(claims)).build())
                .orElseGet(() -> Problems.of(401, "unauthorized", "Sin sesión", "Entre con su usuario"));
    }

    /** With an OIDC provider: the authorization-code flow runs before this answers, then back to the app. */
    @GET
    @Path("/login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("/logout")
    public Response logout(@Context UriInfo uri) {
        return Response.noContent().cookie(sessions.close(secure(uri))).build();
    }

    private static Me me(TokenClaims claims) {
        return new Me(claims.name(), claims.roles(), claims.organisationId(), claims.producerId(),
                claims.expiresAt() == null ? null : claims.expiresAt().toString());
    }

    private static boolean secure(UriInfo uri) {
        return "https".equals(uri.getRequestUri().getScheme());
    }

    private static Response notOffered() {
        return Problems.of(404, "not-found", "No disponible", "Este despliegue no ofrece usuarios de ejemplo");
    }
}
