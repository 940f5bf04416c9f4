package io.debrief.notification.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The recruiter page's session: {@code POST} turns the bearer token of the Authorization header into an HttpOnly,
 * same-site cookie that every later fetch and the page's EventSource (which cannot send headers) carry;
 * {@code DELETE} expires it. The cookie holds the token itself, so it is exactly as valid as the token: same roles,
 * same expiry, nothing is kept on the server.
 */
@Path("/api/session")
@PermitAll
@Tag(name = "Session", description = "Sign the recruiter page in and out with a session cookie")
public class SessionResource {

    /** The cookie SmallRye JWT reads ({@code mp.jwt.token.cookie}). */
    public static final String COOKIE = "debrief_token";
    private static final String BEARER = "bearer ";

    private final JWTParser parser;

    public SessionResource(JWTParser parser) {
        this.parser = parser;
    }

    /**
     * The token is read from the Authorization header only (never from a cookie already there, which may be stale)
     * and verified like any other: signature, issuer, expiry. It must carry a role that may read decisions.
     */
    @POST
    @Operation(summary = "Keep the bearer token of the Authorization header in the session cookie debrief_token")
    public RestResponse<Void> signIn(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        String token = bearerToken(authorization).orElseThrow(ApiProblem::unauthorized);
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            // the reason may quote the token's claims: neither logged nor answered
            throw ApiProblem.unauthorized();
        }
        if (jwt.getGroups() == null || jwt.getGroups().stream().noneMatch(Roles.DECISION_READERS::contains)) {
            throw ApiProblem.forbidden();
        }
        long maxAge = Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
        return RestResponse.ResponseBuilder.<Void>noContent()
                .header(HttpHeaders.SET_COOKIE, cookie(token, maxAge, secure(uri, forwardedProto)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Always succeeds, with or without a valid session: signing out must never fail. */
    @DELETE
    @Operation(summary = "Expire the session cookie")
    public RestResponse<Void> signOut(@HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        return RestResponse.ResponseBuilder.<Void>noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", 0, secure(uri, forwardedProto))
                        + "; Expires=Thu, 01 Jan 1970 00:00:00 GMT")
                .build();
    }

    static Optional<String> bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        // a JWT is base64url and dots: anything else cannot be one, and must not reach a Set-Cookie header
        return token.isEmpty() || !token.matches("[A-Za-z0-9_.-]+") ? Optional.empty() : Optional.of(token);
    }

    static String cookie(String value, long maxAge, boolean secure) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /**
     * Over https (directly, or behind a proxy that says so): the cookie is then never sent over plain http. Trusting
     * the header here is safe: it can only restrict where the browser sends the cookie.
     */
    private static boolean secure(UriInfo uri, String forwardedProto) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || (forwardedProto != null && forwardedProto.trim().toLowerCase(Locale.ROOT).startsWith("https"));
    }
}
