package org.articula.localstack.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local stack's token signing key: an RSA pair generated on first use under
 * {@code <ARTICULA_HOME>/keys} (never in the repository), PEM-encoded so the services read the public
 * half through {@code mp.jwt.verify.publickey.location}. Production keys belong to the identity
 * provider; the services only ever get a public key or a JWKS URL.
 */
public final class DevKeys {

    public static final String PRIVATE_FILE = "jwt-private.pem";
    public static final String PUBLIC_FILE = "jwt-public.pem";

    private final Path publicKeyFile;
    private final PrivateKey privateKey;

    private DevKeys(Path publicKeyFile, PrivateKey privateKey) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
    }

    /** The key pair in {@code dir}, created (owner-readable only) if it is not there yet. */
    public static synchronized DevKeys loadOrCreate(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        try {
            if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
                Files.createDirectories(dir);
                KeyPair pair = generate();
                write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the home folder's own permissions apply
                }
                write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            byte[] der = fromPem(Files.readString(privateFile));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new DevKeys(publicFile, key);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not read or create the token keys in " + dir, e);
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as the base64 DER text {@code mp.jwt.verify.publickey} takes. */
    public static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public String sign(Tokens.Claims claims) {
        return Tokens.sign(claims, privateKey);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] fromPem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
