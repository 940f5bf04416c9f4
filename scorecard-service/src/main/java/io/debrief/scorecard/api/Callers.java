package io.debrief.scorecard.api;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.debrief.scorecard.domain.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of a request: the token's {@code sub} claim and its roles ({@code groups}). */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject()
                : identity.getPrincipal().getName();
        return new Caller(subject, identity.getRoles());
    }
}
