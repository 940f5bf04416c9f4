package io.debrief.calibration.api;

import java.time.Instant;
import java.util.Collections;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The dashboard's sign-in: the bearer token goes once to {@code POST /api/session} and comes back as an HttpOnly,
 * same-site cookie that every later fetch and the EventSource carry (a browser cannot add a header to an EventSource,
 * and the token never appears in a URL).
 *
 * <p>Only the {@code Authorization} header counts here, never a cookie already present: signing in again must replace a
 * stale or insufficient cookie rather than be judged by it (the authentication mechanism prefers the cookie).
 * Synchronous methods, so they run on a worker thread: verifying may fetch the key (a JWKS URL) on first use.
 */
@Path("/api/session")
@PermitAll
public class SessionResource {

    public static final String COOKIE = "debrief_token";
    private static final String BEARER = "bearer ";

    private final JWTParser parser;

    public SessionResource(JWTParser parser) {
        this.parser = parser;
    }

    /** 204 and the session cookie for a valid token of a reader; 401 without a valid token; 403 for other roles. */
    @POST
    public Response signIn(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        JsonWebToken token = verify(authorization);
        if (Collections.disjoint(token.getGroups(), Roles.READERS)) {
            throw new ForbiddenException("the token's roles may not read calibrations");
        }
        long maxAge = token.getExpirationTime() - Instant.now().getEpochSecond();
        if (maxAge <= 0) {
            throw new AuthenticationFailedException("the token has expired");
        }
        String cookie = COOKIE + "=" + token.getRawToken() + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + ("https".equalsIgnoreCase(uri.getRequestUri().getScheme()) ? "; Secure" : "");
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie).build();
    }

    /** 204 and a cookie that is already expired, whatever the state of the session. */
    @DELETE
    public Response signOut(@Context UriInfo uri) {
        String cookie = COOKIE + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict"
                + ("https".equalsIgnoreCase(uri.getRequestUri().getScheme()) ? "; Secure" : "");
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie).build();
    }

    private JsonWebToken verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("a bearer token is required");
        }
        try {
            return parser.parse(authorization.substring(BEARER.length()).trim());
        } catch (ParseException e) {
            // the reason (expired, signature, issuer) is for the caller's eyes, never the token itself
            throw new AuthenticationFailedException("the token is not valid", e);
        }
    }
}
