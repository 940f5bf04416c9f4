package io.debrief.scorecard.api;

import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.debrief.platform.problem.Problems;
import io.debrief.platform.security.SessionResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Cross-site request forgery: a write that carries the page's session cookie must come from a script of the page
 * itself. (SmallRye JWT authenticates by the cookie whenever it is present, and by the {@code Authorization} header
 * only without one, so the guard looks at the cookie alone.) The cookie is {@code SameSite=Strict}, so a browser does not
 * send it with a request another site starts; as a second, independent line, such a write must also carry
 * {@code Content-Type: application/json} or an {@code X-Requested-With} header — neither can be sent cross-site
 * without a CORS preflight, which this service never grants. A plain HTML form or an image tag can therefore never
 * write here, whatever the browser's SameSite support. Signing in and out ({@code /api/session}) is exempt: signing in
 * needs the Authorization header anyway, and signing out is harmless.
 */
public class SessionWrites {

    static final String REQUESTED_WITH = "X-Requested-With";
    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @ServerRequestFilter(preMatching = true)
    public Response refuseForgedWrites(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod()) || !request.getCookies().containsKey(SessionResource.COOKIE)) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || path.startsWith("/api/session")) {
            return null;
        }
        if (request.getHeaderString(REQUESTED_WITH) != null || json(request.getMediaType())) {
            return null;
        }
        return Problems.response(403, "a write signed in by the session cookie must be sent by the page itself "
                + "(Content-Type: application/json or an X-Requested-With header)", null);
    }

    private static boolean json(MediaType type) {
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }
}
