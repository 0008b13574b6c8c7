package org.articula.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a bearer token says about its user, read to tell the app who is signed in. The services
 * verify every token they receive; this module verifies only the development tokens it minted.
 */
public record TokenClaims(String subject, String name, List<String> roles, String organisationId, String producerId,
        Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims of a compact JWS, without checking its signature (the services do). */
    public static Optional<TokenClaims> read(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            List<String> roles = new ArrayList<>();
            claims.path("groups").forEach(g -> roles.add(g.asText()));
            String subject = claims.path("sub").asText(null);
            // upn in our tokens; providers such as Keycloak name the user in preferred_username.
            String name = claims.path("upn").asText(claims.path("preferred_username").asText(subject));
            return Optional.of(new TokenClaims(subject, name, List.copyOf(roles),
                    claims.path("org").asText(null), claims.path("producer").asText(null),
                    claims.has("exp") ? Instant.ofEpochSecond(claims.path("exp").asLong()) : null));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The claims of an RS256 token signed by {@code key} and not expired at {@code now}. */
    public static Optional<TokenClaims> verified(String jwt, PublicKey key, Instant now) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return read(jwt).filter(c -> c.expiresAt() != null && c.expiresAt().isAfter(now));
    }
}
