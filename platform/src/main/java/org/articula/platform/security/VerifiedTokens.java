package org.articula.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens this service verified lately, by their exact text. A device or a desk sends the same
 * token with every request, and checking its signature and claims again each time was a tenth of the CPU
 * of recording a single lot (decision 0039, docs/benchmarks/2026-12-02-jwt-and-claims.md).
 *
 * <p>A token is answered from here only until the earlier of its own {@code exp} and
 * {@code articula.security.verified-tokens.ttl} after it was verified (2 minutes: how long a token signed
 * by a key the identity provider has just withdrawn may still pass). Only tokens that passed are kept;
 * any other text, a token changed by one character included, is verified by smallrye-jwt as before.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final JWTParser verifier;
    private final Duration ttl;
    private final InstantSource time;
    private final Cache<String, Verified> verified;

    private record Verified(JsonWebToken token, Instant until) {
    }

    @Inject
    VerifiedTokens(DefaultJWTParser verifier,
            @ConfigProperty(name = "articula.security.verified-tokens.ttl", defaultValue = "PT2M") Duration ttl,
            @ConfigProperty(name = "articula.security.verified-tokens.max", defaultValue = "2000") int max) {
        this(verifier, ttl, max, InstantSource.system());
    }

    VerifiedTokens(JWTParser verifier, Duration ttl, int max, InstantSource time) {
        this.verifier = verifier;
        this.ttl = ttl;
        this.time = time;
        this.verified = Caffeine.newBuilder().maximumSize(max).expireAfterWrite(ttl).build();
    }

    /** The verified token, from memory while it may be; a refused one throws as smallrye-jwt does. */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = time.instant();
        Verified hit = verified.getIfPresent(token);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.token();
        }
        JsonWebToken parsed = verifier.parse(token);
        Instant until = now.plus(ttl);
        Instant expires = Instant.ofEpochSecond(parsed.getExpirationTime());
        if (expires.isBefore(until)) {
            until = expires;
        }
        if (now.isBefore(until)) {
            verified.put(token, new Verified(parsed, until));
        }
        return parsed;
    }

    /** How many verified tokens are kept now (for tests and diagnostics). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    // Any other way in is another service's key or context: verified every time, never kept.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
