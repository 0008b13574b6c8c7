package org.articula.localstack.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints the bearer JWTs the services accept (RS256, MicroProfile JWT claims): the user ({@code sub},
 * {@code upn}), their roles ({@code groups}), the organisation they act for ({@code org}) and, for a
 * producer, which producer they are ({@code producer}). Plain JDK signing, so the launcher, the sample
 * data, tests and benchmarks can all mint tokens without a JWT library.
 */
public final class Tokens {

    /** The issuer of development and test tokens; the services expect it unless MP_JWT_VERIFY_ISSUER says otherwise. */
    public static final String DEV_ISSUER = "https://articula.local/dev";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * What a token says.
     *
     * @param producerId only for the producer role; null otherwise
     */
    public record Claims(String subject, UUID organisationId, List<String> roles, UUID producerId, String issuer,
            Instant issuedAt, Instant expiresAt) {

        /** A development token: issued now by {@link #DEV_ISSUER}, valid for {@link #DEFAULT_LIFETIME}. */
        public static Claims of(String subject, UUID organisationId, String... roles) {
            Instant now = Instant.now();
            return new Claims(subject, organisationId, List.of(roles), null, DEV_ISSUER, now,
                    now.plus(DEFAULT_LIFETIME));
        }

        public Claims withProducer(UUID producer) {
            return new Claims(subject, organisationId, roles, producer, issuer, issuedAt, expiresAt);
        }

        public Claims expiringAt(Instant when) {
            return new Claims(subject, organisationId, roles, producerId, issuer, issuedAt, when);
        }

        public Claims issuedBy(String iss) {
            return new Claims(subject, organisationId, roles, producerId, iss, issuedAt, expiresAt);
        }

        Map<String, Object> toMap() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("sub", subject);
            claims.put("upn", subject);
            claims.put("groups", roles);
            if (organisationId != null) {
                claims.put("org", organisationId.toString());
            }
            if (producerId != null) {
                claims.put("producer", producerId.toString());
            }
            claims.put("iat", issuedAt.getEpochSecond());
            claims.put("exp", expiresAt.getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            return claims;
        }
    }

    private Tokens() {
    }

    /** A compact JWS signed with RS256 by {@code key}. */
    public static String sign(Claims claims, PrivateKey key) {
        String signingInput = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims.toMap());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
    }

    /** The same claims with {@code alg: none} and no signature: what an attacker would try. */
    public static String unsigned(Claims claims) {
        return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims.toMap()) + ".";
    }

    private static String part(Map<String, Object> json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
