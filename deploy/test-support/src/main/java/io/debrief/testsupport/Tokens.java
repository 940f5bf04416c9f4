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
    private final String loopKeysServiceToken;

    private Tokens(PrivateKey privateKey, RSAPublicKey publicKey, String loopKeysServiceToken) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.loopKeysServiceToken = loopKeysServiceToken;
    }

    /** A fresh 2048-bit RSA key pair and a fresh loop-keys service token. */
    public static Tokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Tokens(pair.getPrivate(), (RSAPublicKey) pair.getPublic(), randomServiceToken());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key pair kept in {@code dir} ({@code private-key.pem}, {@code public-key.pem}) and the loop-keys service
     * token ({@code loop-keys-service-token}), each made there on first use: a service restarted from the same
     * directory trusts the same tokens and shares the same service token.
     */
    public static Tokens inDirectory(Path dir) {
        Path privatePem = dir.resolve("private-key.pem");
        Path publicPem = dir.resolve("public-key.pem");
        Path serviceTokenFile = dir.resolve("loop-keys-service-token");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(serviceTokenFile)) {
                Files.writeString(serviceTokenFile, randomServiceToken());
                ownerOnly(serviceTokenFile);
            }
            String serviceToken = Files.readString(serviceTokenFile).trim();
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(fromPem(Files.readString(privatePem))));
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(fromPem(Files.readString(publicPem))));
                return new Tokens(privateKey, publicKey, serviceToken);
            }
            Tokens generated = generate();
            Tokens tokens = new Tokens(generated.privateKey, generated.publicKey, serviceToken);
            Files.writeString(publicPem, tokens.publicKeyPem());
            Files.writeString(privatePem, toPem("PRIVATE KEY", tokens.privateKey.getEncoded()));
            ownerOnly(privatePem);
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key pair in " + dir, e);
        }
    }

    /**
     * The secret the three services share for scorecard-service's {@code POST /internal/loop-keys}
     * ({@code DEBRIEF_LOOP_KEYS_SERVICE_TOKEN}): random, 32 bytes, never logged.
     */
    public String loopKeysServiceToken() {
        return loopKeysServiceToken;
    }

    private static String randomServiceToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return base64Url(bytes);
    }

    private static void ownerOnly(Path file) {
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
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
