package org.articula.web.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Entrar como": signs in as one of the local stack's sample users with the stack's development
 * key. Present only when that key's directory is configured (the launcher does it; a production
 * deployment never has the key), and never alongside an OIDC provider.
 */
@ApplicationScoped
public class DevSignIn {

    /** One sample user the sign-in page offers, as the launcher lists them. */
    public record DevUser(String id, String name, String description, List<String> roles, String organisationId,
            String organisationName, String producerId) {
    }

    static final Duration LIFETIME = Duration.ofHours(12); // a collection centre's whole day, both shifts
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "articula.dev-sign-in.keys-dir")
    Optional<Path> keysDir;
    @ConfigProperty(name = "articula.dev-sign-in.users-file")
    Optional<Path> usersFile;
    @ConfigProperty(name = "articula.dev-sign-in.issuer", defaultValue = "https://articula.local/dev")
    String issuer;
    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean oidc;
    @Inject
    Clock clock;

    private record Keys(PrivateKey signing, PublicKey verifying) {
    }

    // Read once: every forwarded call verifies its session with the public key. Null until first asked.
    private volatile Optional<Keys> keys;

    public boolean enabled() {
        return !oidc && keys().isPresent();
    }

    private Optional<Keys> keys() {
        Optional<Keys> loaded = keys;
        if (loaded == null) { // two first callers may both read the files: harmless
            loaded = keysDir.filter(dir -> Files.isRegularFile(dir.resolve("jwt-private.pem")))
                    .map(dir -> new Keys(privateKey(dir), publicKey(dir)));
            keys = loaded;
        }
        return loaded;
    }

    /** The sample users, read on each call: the launcher writes them once the sample data is loaded. */
    public List<DevUser> users() {
        if (!enabled() || usersFile.isEmpty() || !Files.isRegularFile(usersFile.get())) {
            return List.of();
        }
        try {
            return JSON.readValue(usersFile.get().toFile(), new TypeReference<List<DevUser>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<DevUser> user(String id) {
        return users().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** A token the services accept for this user, as the identity provider would issue it. */
    public String sign(DevUser user) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(user.name()).upn(user.name())
                .groups(new HashSet<>(user.roles())).claim("org", user.organisationId())
                .issuedAt(now).expiresAt(now.plus(LIFETIME));
        if (user.producerId() != null) {
            claims.claim("producer", user.producerId());
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(keys().orElseThrow().signing());
    }

    /** A session token this module minted, still valid; anything else is no session. */
    public Optional<TokenClaims> verify(String token) {
        if (!enabled()) {
            return Optional.empty();
        }
        return TokenClaims.verified(token, keys().orElseThrow().verifying(), clock.instant());
    }

    private static PrivateKey privateKey(Path dir) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(dir, "jwt-private.pem")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("development key unreadable", e);
        }
    }

    private static PublicKey publicKey(Path dir) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(dir, "jwt-public.pem")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("development key unreadable", e);
        }
    }

    private static byte[] pem(Path dir, String file) {
        try {
            String text = Files.readString(dir.resolve(file));
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
