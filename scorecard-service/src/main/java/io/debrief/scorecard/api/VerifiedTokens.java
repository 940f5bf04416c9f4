package io.debrief.scorecard.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Verifies bearer tokens with SmallRye JWT's own verifier and remembers, for a short time, the tokens it accepted, so
 * that a client sending the same token again does not pay for another RSA signature check (the profile of the ingest
 * benchmark had 41% of this service's CPU in it).
 *
 * <p>What is remembered is the exact token text (header, claims and signature) that passed every check with the same
 * verification settings. A remembered token is accepted only until the earlier of its own {@code exp} and
 * {@link #MAX_AGE_MILLIS} after it was verified; after that, and for any other text, the full verification runs again.
 * Refused tokens are never remembered, so every refusal (bad signature, wrong issuer, expired, missing {@code sub}) is
 * decided by the verifier itself. The age bound also bounds how long a token keeps passing after its key is rotated
 * out. At most {@link #MAX_ENTRIES} tokens of at most {@link #MAX_TOKEN_LENGTH} characters are kept.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final long MAX_AGE_MILLIS = 60_000;
    static final int MAX_ENTRIES = 4096;
    static final int MAX_TOKEN_LENGTH = 8192;

    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo settings, long acceptUntilMillis) {
    }

    private final JWTCallerPrincipalFactory verifier;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), System::currentTimeMillis);
    }

    /** {@code verifier} makes every decision; {@code clock} is epoch milliseconds. */
    VerifiedTokens(JWTCallerPrincipalFactory verifier, LongSupplier clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return verifier.parse(token, settings);
        }
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null && known.settings() == settings && now < known.acceptUntilMillis()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, settings);
        long expiresMillis = principal.getExpirationTime() * 1000L;
        long acceptUntil = Math.min(expiresMillis, now + MAX_AGE_MILLIS);
        if (acceptUntil > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(v -> v.acceptUntilMillis() <= now);
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(principal, settings, acceptUntil));
        }
        return principal;
    }
}
