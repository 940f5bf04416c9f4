package io.debrief.platform.problem;

import io.quarkus.security.ForbiddenException;

/**
 * A valid caller refused by a rule of the service (403), with a detail written to be shown to the client; the
 * framework's own {@link ForbiddenException} (a role check) gets a fixed detail.
 */
public class AccessDenied extends ForbiddenException {

    public AccessDenied(String detail) {
        super(detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an answer to the client, not a failure
    }
}
