package io.debrief.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signed bearer tokens (JWT, RS256) for the local run and the tests, from a key pair of their own: the services
 * verify them with the public key, exactly as they would verify a real identity provider's tokens.
 */
public final class Tokens {

    public static final String ISSUER = "https://debrief.local/issuer";

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private Tokens(PrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh 2048-bit RSA key pair. */
    public static Tokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Tokens(pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair kept in {@code dir} ({@code private-key.pem}, {@code public-key.pem}), made there on first use. */
    public static Tokens inDirectory(Path dir) {
        Path privatePem = dir.resolve("private-key.pem");
        Path publicPem = dir.resolve("public-key.pem");
        try {
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(fromPem(Files.readString(privatePem))));
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(fromPem(Files.readString(publicPem))));
                return new Tokens(privateKey, publicKey);
            }
            Tokens tokens = generate();
            Files.createDirectories(dir);
            Files.writeString(publicPem, tokens.publicKeyPem());
            Files.writeString(privatePem, toPem("PRIVATE KEY", tokens.privateKey.getEncoded()));
            privatePem.toFile().setReadable(false, false);
            privatePem.toFile().setReadable(true, true);
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key pair in " + dir, e);
        }
    }

    public String publicKeyPem() {
        return toPem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Writes the public key where a service can read it ({@code mp.jwt.verify.publickey.location}). */
    public Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, publicKeyPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token for {@code subject} with {@code roles} as its groups, valid for 12 hours. */
    public String mint(String subject, String... roles) {
        return mint(subject, Duration.ofHours(12), List.of(roles));
    }

    public String mint(String subject, Duration validFor, List<String> roles) {
        Instant now = Instant.now();
        String groups = roles.stream().map(role -> "\"" + json(role) + "\"").collect(Collectors.joining(","));
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + json(subject) + "\",\"upn\":\"" + json(subject)
                + "\",\"groups\":[" + groups + "],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(validFor).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String unsigned = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] fromPem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    /** {@code TokenMain DIR SUB ROLE...}: prints a token signed with the key pair in DIR (made on first use). */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Tokens KEY_DIR SUBJECT [ROLE...]");
            System.exit(2);
        }
        Tokens tokens = inDirectory(Path.of(args[0]));
        System.out.println(tokens.mint(args[1], java.util.Arrays.copyOfRange(args, 2, args.length)));
    }
}
