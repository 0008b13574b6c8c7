package org.articula.localstack.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.Header;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;
import org.articula.localstack.security.Tokens;

/**
 * Bearer tokens for tests: a throw-away key pair per test JVM whose public half {@link RealInfrastructure}
 * gives the service ({@link #config()}), tokens for any user, organisation and roles, and the bad ones
 * (expired, signed by another key, unsigned).
 *
 * <p>{@link #actAs} sets who REST Assured requests are sent as when they carry no Authorization
 * header of their own, so a test class says once whose data it works on; {@link #as} and
 * {@link #anonymous()} override it per request.
 */
public final class TestTokens {

    /** A small organisation's manager: every staff role but auditor and producer. */
    public static final String[] STAFF = { "buyer-admin", "centre-operator", "treasurer" };

    private static final KeyPair KEYS = DevKeys.generate();
    private static final KeyPair FORGER = DevKeys.generate();
    private static final String ANONYMOUS = "anonymous";
    private static volatile String current;
    private static boolean installed;
    private static final Filter DEFAULT_TOKEN = (request, response, ctx) -> {
        String sent = request.getHeaders().getValue("Authorization");
        if (ANONYMOUS.equals(sent)) {
            request.removeHeader("Authorization");
        } else if (sent == null && current != null) {
            request.header("Authorization", "Bearer " + current);
        }
        return ctx.next(request, response);
    };

    private TestTokens() {
    }

    /** What the service under test needs to verify these tokens. */
    public static Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey", DevKeys.base64(KEYS.getPublic()));
        config.put("mp.jwt.verify.issuer", Tokens.DEV_ISSUER);
        return config;
    }

    /** Requests without their own Authorization header go as {@code subject} of {@code org} with these roles. */
    public static synchronized void actAs(String subject, UUID org, String... roles) {
        if (!installed) {
            RestAssured.filters(DEFAULT_TOKEN);
            installed = true;
        }
        current = token(subject, org, roles);
    }

    /** The token requests go with when they carry none of their own (null before {@link #actAs}). */
    public static String current() {
        return current;
    }

    public static void actAs(UUID org, String... roles) {
        actAs("tester", org, roles);
    }

    public static String token(String subject, UUID org, String... roles) {
        return sign(Tokens.Claims.of(subject, org, roles));
    }

    public static String token(UUID org, String... roles) {
        return token("tester", org, roles);
    }

    public static String sign(Tokens.Claims claims) {
        return Tokens.sign(claims, KEYS.getPrivate());
    }

    /** The Authorization header for one request as this user. */
    public static Header as(String token) {
        return new Header("Authorization", "Bearer " + token);
    }

    public static Header as(UUID org, String... roles) {
        return as(token(org, roles));
    }

    /** Sends the request with no Authorization header at all. */
    public static Header anonymous() {
        return new Header("Authorization", ANONYMOUS);
    }

    /** Valid in every way but expired an hour ago (beyond any clock skew allowance). */
    public static String expired(UUID org, String... roles) {
        Tokens.Claims claims = Tokens.Claims.of("tester", org, roles);
        return sign(new Tokens.Claims(claims.subject(), org, claims.roles(), null, claims.issuer(),
                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)));
    }

    /** Right claims, signed by a key the service does not trust. */
    public static String forged(UUID org, String... roles) {
        return Tokens.sign(Tokens.Claims.of("tester", org, roles), FORGER.getPrivate());
    }

    /** Right claims, {@code alg: none}, no signature. */
    public static String unsigned(UUID org, String... roles) {
        return Tokens.unsigned(Tokens.Claims.of("tester", org, roles));
    }

    /** Signed with the trusted key but by another issuer. */
    public static String otherIssuer(UUID org, String... roles) {
        return sign(Tokens.Claims.of("tester", org, roles).issuedBy("https://elsewhere.example"));
    }
}
