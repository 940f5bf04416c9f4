package io.debrief.scorecard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    /** A verifier that accepts tokens starting with "good" (expiring at the given second) and counts its calls. */
    private static final class CountingVerifier extends JWTCallerPrincipalFactory {
        final List<String> verified = new ArrayList<>();
        long expiresAtSecond = NOW / 1000 + 3600;

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good")) {
                throw new ParseException("refused");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("alice");
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAtSecond));
            return new DefaultJWTCallerPrincipal("JWT", claims);
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final AtomicLong clock = new AtomicLong(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock::get);
    private final JWTAuthContextInfo settings = new JWTAuthContextInfo();

    @Test
    void theSameAcceptedTokenIsVerifiedOnceWithinAMinute() throws Exception {
        JWTCallerPrincipal first = tokens.parse("good.a.sig", settings);
        clock.addAndGet(59_000);
        JWTCallerPrincipal again = tokens.parse("good.a.sig", settings);

        assertThat(again).isSameAs(first);
        assertThat(verifier.verified).containsExactly("good.a.sig");
    }

    @Test
    void anAcceptedTokenIsVerifiedAgainAfterAMinute() throws Exception {
        tokens.parse("good.a.sig", settings);
        clock.addAndGet(60_000);
        tokens.parse("good.a.sig", settings);

        assertThat(verifier.verified).containsExactly("good.a.sig", "good.a.sig");
    }

    @Test
    void aTokenIsVerifiedAgainOnceItsExpiryHasPassed() throws Exception {
        verifier.expiresAtSecond = NOW / 1000 + 10;
        tokens.parse("good.a.sig", settings);
        clock.addAndGet(10_000);
        tokens.parse("good.a.sig", settings);

        assertThat(verifier.verified).containsExactly("good.a.sig", "good.a.sig");
    }

    @Test
    void aRefusedTokenIsRefusedByTheVerifierEveryTime() {
        assertThatThrownBy(() -> tokens.parse("bad.a.sig", settings)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("bad.a.sig", settings)).isInstanceOf(ParseException.class);

        assertThat(verifier.verified).containsExactly("bad.a.sig", "bad.a.sig");
    }

    @Test
    void anyOtherTokenTextOrOtherSettingsAreVerified() throws Exception {
        tokens.parse("good.a.sig", settings);
        tokens.parse("good.a.sig2", settings);
        tokens.parse("good.a.sig", new JWTAuthContextInfo());

        assertThat(verifier.verified).containsExactly("good.a.sig", "good.a.sig2", "good.a.sig");
    }
}
