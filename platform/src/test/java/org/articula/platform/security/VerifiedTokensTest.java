package org.articula.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.TestTokens;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token is verified by smallrye-jwt once, then answered from memory until the earlier of its expiry and
 * the time to live; whatever did not pass is verified every time and never kept.
 */
class VerifiedTokensTest {

    static final Duration TTL = Duration.ofMinutes(2);
    static final UUID ORG = UUID.randomUUID();

    final AtomicInteger verifications = new AtomicInteger();
    Instant now;
    VerifiedTokens tokens;

    @BeforeEach
    void realVerifierCounted() throws Exception {
        byte[] der = Base64.getDecoder().decode(TestTokens.config().get("mp.jwt.verify.publickey"));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        JWTParser real = new DefaultJWTParser(new JWTAuthContextInfo(key, Tokens.DEV_ISSUER));
        InvocationHandler counting = (proxy, method, args) -> {
            verifications.incrementAndGet();
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        JWTParser verifier = (JWTParser) Proxy.newProxyInstance(JWTParser.class.getClassLoader(),
                new Class<?>[] { JWTParser.class }, counting);
        now = Instant.now();
        InstantSource clock = () -> now;
        tokens = new VerifiedTokens(verifier, TTL, 100, clock);
    }

    @Test
    void theSameTokenIsVerifiedOnceAndAnotherOnItsOwn() throws ParseException {
        String rosa = TestTokens.token("rosa", ORG, Roles.TREASURER);
        String jorge = TestTokens.token("jorge", UUID.randomUUID(), Roles.AUDITOR);

        JsonWebToken first = tokens.parse(rosa);
        assertSame(first, tokens.parse(rosa));
        assertEquals(1, verifications.get());

        JsonWebToken other = tokens.parse(jorge);
        assertEquals(2, verifications.get());
        assertEquals("jorge", other.getName());
        assertEquals("rosa", tokens.parse(rosa).getName());
        assertEquals(2, verifications.get());
        assertEquals(2, tokens.size());
    }

    @Test
    void aTokenIsNotKeptPastItsOwnExpiry() throws ParseException {
        String shortLived = TestTokens.sign(Tokens.Claims.of("rosa", ORG, Roles.TREASURER)
                .expiringAt(now.plusSeconds(30)));
        JsonWebToken first = tokens.parse(shortLived);

        now = now.plusSeconds(29);
        assertSame(first, tokens.parse(shortLived));
        assertEquals(1, verifications.get());

        now = now.plusSeconds(2); // past exp, well inside the 2 minutes: verified again
        assertNotSame(first, tokens.parse(shortLived));
        assertEquals(2, verifications.get());
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheTimeToLive() throws ParseException {
        String rosa = TestTokens.token("rosa", ORG, Roles.TREASURER); // valid for 12 hours
        JsonWebToken first = tokens.parse(rosa);

        now = now.plus(TTL).minusSeconds(1);
        assertSame(first, tokens.parse(rosa));
        now = now.plusSeconds(2);
        assertNotSame(first, tokens.parse(rosa));
        assertEquals(2, verifications.get());
    }

    @Test
    void whatDidNotPassIsVerifiedEveryTimeAndNeverKept() throws ParseException {
        String genuine = TestTokens.token("rosa", ORG, Roles.TREASURER);
        tokens.parse(genuine);
        String[] refused = {
                changedAt(genuine, genuine.length() - 10), // one character of the signature
                changedAt(genuine, genuine.indexOf('.') + 10), // one character of the claims
                TestTokens.forged(ORG, Roles.TREASURER),
                TestTokens.unsigned(ORG, Roles.TREASURER),
                TestTokens.expired(ORG, Roles.TREASURER),
                TestTokens.otherIssuer(ORG, Roles.TREASURER),
        };
        for (String token : refused) {
            assertThrows(ParseException.class, () -> tokens.parse(token));
            assertThrows(ParseException.class, () -> tokens.parse(token));
        }
        assertEquals(1 + 2 * refused.length, verifications.get());
        assertEquals(1, tokens.size());
    }

    @Test
    void aTokenParsedAgainstAnotherContextIsNeverKept() throws Exception {
        String rosa = TestTokens.token("rosa", ORG, Roles.TREASURER);
        byte[] der = Base64.getDecoder().decode(TestTokens.config().get("mp.jwt.verify.publickey"));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        JWTAuthContextInfo elsewhere = new JWTAuthContextInfo(key, "https://elsewhere.example");

        assertThrows(ParseException.class, () -> tokens.parse(rosa, elsewhere));
        assertEquals(0, tokens.size());
    }

    static String changedAt(String token, int index) {
        char replacement = token.charAt(index) == 'A' ? 'B' : 'A';
        return token.substring(0, index) + replacement + token.substring(index + 1);
    }
}
