package io.debrief.platform.security;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Who a page is signed in as: the page cannot read its HttpOnly session cookie, yet it must know the user's id (an
 * interviewer's own loops) and roles (what to offer). Present where {@link SessionResource} is.
 */
@Path("/api/session/user")
@Authenticated
@IfBuildProperty(name = "debrief.session.enabled", stringValue = "true")
@Tag(name = "Session", description = "Sign a page in and out with a session cookie")
public class SessionUserResource {

    @Schema(name = "SessionUser", example = """
            {"id":"alice","roles":["interviewer"]}""")
    public record SessionUser(@Schema(description = "The token's sub") String id,
                              @Schema(description = "The token's groups, sorted") List<String> roles) {

        static SessionUser of(JsonWebToken token) {
            Set<String> groups = token.getGroups();
            return new SessionUser(token.getSubject(), groups == null ? List.of() : groups.stream().sorted().toList());
        }
    }

    private final JsonWebToken token;

    public SessionUserResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The user of the session cookie (or of the bearer token)")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionUser.class)))
    @APIResponse(responseCode = "401", description = "No valid session cookie or bearer token")
    public SessionUser user() {
        return SessionUser.of(token);
    }
}
