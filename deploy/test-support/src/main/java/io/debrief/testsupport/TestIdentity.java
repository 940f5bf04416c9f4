package io.debrief.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The identity provider of a test JVM: a key pair made for this JVM alone, the services under test configured to
 * trust its public key, and tokens minted with its private key.
 *
 * <pre>{@code
 * given().header("Authorization", TestIdentity.bearer("alice", "interviewer"))
 * }</pre>
 */
public final class TestIdentity {

    private static final Tokens TOKENS = Tokens.generate();
    private static final Tokens STRANGER = Tokens.generate();
    private static Path publicKey;

    private TestIdentity() {
    }

    /** {@code Authorization} header value for {@code subject} with {@code roles}. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + TOKENS.mint(subject, roles);
    }

    /** A token that expired a minute ago. */
    public static String expiredBearer(String subject, String... roles) {
        return "Bearer " + TOKENS.mint(subject, Duration.ofMinutes(-1), List.of(roles));
    }

    /** A well-formed token signed with a key nobody trusts. */
    public static String wrongSignatureBearer(String subject, String... roles) {
        return "Bearer " + STRANGER.mint(subject, roles);
    }

    /** The raw token, e.g. for a cookie. */
    public static String token(String subject, String... roles) {
        return TOKENS.mint(subject, roles);
    }

    public static Tokens tokens() {
        return TOKENS;
    }

    /** The SmallRye JWT configuration that makes a service trust this JVM's tokens. */
    public static synchronized Map<String, String> serviceConfig() {
        if (publicKey == null) {
            try {
                Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "debrief-identity-");
                publicKey = TOKENS.writePublicKey(dir.resolve("public-key.pem"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER);
    }
}
