package org.articula.web.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * The browser's session: with an OIDC provider, the access token quarkus-oidc keeps in its encrypted
 * session cookie; locally, the development token in our own cookie. Either way the cookie is
 * HttpOnly and SameSite=Strict, so page scripts never hold a token.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "articula_session";

    @Inject
    DevSignIn dev;

    /** The bearer token to forward for this request, if the browser has a session. */
    public Optional<String> token(HttpHeaders headers, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous()) {
            AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
            if (access != null) {
                return Optional.of(access.getToken());
            }
        }
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        return dev.verify(cookie.getValue()).map(claims -> cookie.getValue());
    }

    public NewCookie open(String token, boolean secure) {
        return cookie(token, (int) DevSignIn.LIFETIME.toSeconds(), secure);
    }

    public NewCookie close(boolean secure) {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
