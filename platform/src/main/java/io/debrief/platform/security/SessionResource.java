package io.debrief.platform.security;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.properties.IfBuildProperty;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A page's sign-in: the bearer token goes once to {@code POST /api/session} and comes back as an HttpOnly, same-site
 * cookie that every later fetch and the page's EventSource carry (an EventSource cannot send headers, and a token never
 * appears in a URL); {@code DELETE} expires it. The cookie holds the token itself, so it is exactly as valid as the
 * token: same roles, same expiry, nothing kept on the server.
 *
 * <p>Only the {@code Authorization} header counts here, never a cookie already present: signing in again must replace
 * a stale or insufficient cookie rather than be judged by it. Synchronous, so it runs on a worker thread: verifying may
 * fetch the key (a JWKS URL) on first use. Present in a service whose build sets {@code debrief.session.enabled=true};
 * {@code debrief.session.roles} names who may sign in.
 */
@Path("/api/session")
@PermitAll
@IfBuildProperty(name = "debrief.session.enabled", stringValue = "true")
@Tag(name = "Session", description = "Sign a page in and out with a session cookie")
public class SessionResource {

    /** The cookie SmallRye JWT reads ({@code mp.jwt.token.cookie}). */
    public static final String COOKIE = "debrief_token";
    private static final String BEARER = "bearer ";

    private final JWTParser parser;
    private final Set<String> roles;

    public SessionResource(JWTParser parser, @ConfigProperty(name = "debrief.session.roles") Set<String> roles) {
        this.parser = parser;
        this.roles = Set.copyOf(roles);
    }

    @POST
    @Operation(summary = "Keep the bearer token of the Authorization header in the HttpOnly session cookie debrief_token")
    @APIResponse(responseCode = "204", description = "Signed in: Set-Cookie carries the session")
    @APIResponse(responseCode = "401", description = "No valid bearer token in the Authorization header")
    @APIResponse(responseCode = "403", description = "The token's roles may not use this service's page")
    public Response signIn(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        JsonWebToken token = verify(authorization);
        if (token.getGroups() == null || Collections.disjoint(token.getGroups(), roles)) {
            throw new ForbiddenException("the token's roles may not sign in here");
        }
        long maxAge = token.getExpirationTime() - Instant.now().getEpochSecond();
        if (maxAge <= 0) {
            throw new AuthenticationFailedException("the token has expired");
        }
        return Response.noContent()
                .cookie(cookie(token.getRawToken(), (int) Math.min(Integer.MAX_VALUE, maxAge), secure(uri, forwardedProto)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Always succeeds, with or without a valid session: signing out must never fail. */
    @DELETE
    @Operation(summary = "Expire the session cookie")
    @APIResponse(responseCode = "204", description = "Signed out: Set-Cookie expires the session")
    public Response signOut(@HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        return Response.noContent().cookie(cookie("", 0, secure(uri, forwardedProto))).build();
    }

    /** The session cookie: HttpOnly, SameSite=Strict, for the whole site, Secure over https; max-age 0 expires it. */
    public static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge)
                .expiry(maxAge == 0 ? java.util.Date.from(Instant.EPOCH) : null)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private JsonWebToken verify(String authorization) {
        String token = bearerToken(authorization);
        try {
            return parser.parse(token);
        } catch (ParseException e) {
            // the reason may quote the token's claims: neither logged nor answered
            throw new AuthenticationFailedException("the token is not valid");
        }
    }

    /** The token of an {@code Authorization: Bearer} header; a JWT is base64url and dots, nothing else gets through. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException();
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty() || !token.matches("[A-Za-z0-9_.-]+")) {
            throw new UnauthorizedException();
        }
        return token;
    }

    /**
     * Over https (directly, or behind a proxy that says so) the cookie is never sent over plain http. Trusting the
     * header is safe here: it can only restrict where the browser sends the cookie.
     */
    private static boolean secure(UriInfo uri, String forwardedProto) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || (forwardedProto != null && forwardedProto.trim().toLowerCase(Locale.ROOT).startsWith("https"));
    }
}
