package io.debrief.calibration.api;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns failures into RFC 9457 problem details; never a stack trace. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem());
    }

    /*
     * Authentication is lazy (quarkus.http.auth.proactive=false), so a missing, malformed, expired or wrongly signed
     * token reaches these mappers. The detail is fixed: the verifier's message may quote the token's claims.
     */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Problem.of(403, "Forbidden", "this needs one of the roles " + String.join(", ", Roles.READERS.stream().sorted().toList())));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return response(Problem.of(status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return response(Problem.of(500, "Internal Server Error", "unexpected failure; see the service log"));
    }

    private static Response unauthorized() {
        return Response.fromResponse(response(Problem.of(401, "Unauthorized",
                        "a valid bearer token is required (Authorization header or the session cookie)")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
