package io.debrief.calibration.api;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import io.debrief.calibration.domain.Level;
import io.debrief.calibration.usecase.InterviewerCalibrationView;
import io.debrief.calibration.usecase.QueryInterviewers;
import io.debrief.platform.problem.EnumParameter;
import io.debrief.platform.problem.AccessDenied;
import io.debrief.platform.problem.ProblemException;
import io.debrief.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Interviewer calibration (CONTRACT.md Part 2): how each interviewer deviates from the rest of the same candidate's
 * panel. The overseers read everyone; an interviewer reads their own.
 */
@Path("/api/interviewers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviewers")
@APIResponse(responseCode = "400", description = "An unknown level, a since that is not an RFC 3339 time or date, a limit"
        + " outside 1 to 1000, an after that is not a next link's position")
@APIResponse(responseCode = "401", description = "No valid bearer token (header or session cookie)")
@APIResponse(responseCode = "403", description = "The token's roles may not read this")
@APIResponse(responseCode = "503", description = "The database is unavailable; retry after Retry-After")
public class InterviewerResource {

    /** A page's length unless {@code limit} says otherwise, and the most it may say. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final QueryInterviewers interviewers;
    private final JsonWebToken caller;

    public InterviewerResource(QueryInterviewers interviewers, JsonWebToken caller) {
        this.interviewers = interviewers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
    @Operation(summary = "The interviewers' calibrations, most deviating first (|meanDeviation| descending), a page at a time",
            description = "A bare JSON array, at most `limit` long. When more follow, the answer carries an RFC 8288 header"
                    + " `Link: </api/interviewers?...&after=...>; rel=\"next\"` (the same filters and limit) for the next page;"
                    + " the last page has none.")
    @APIResponse(responseCode = "200", description = "A page of the interviewers with decided loops",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InterviewerCalibrationView.class)),
            headers = @Header(name = "Link", description = "`<uri>; rel=\"next\"`: the next page, absent on the last one",
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> interviewers(
            @QueryParam("level") @Schema(implementation = Level.class) String level,
            @QueryParam("since") @Parameter(description = "Only loops decided at or after this RFC 3339 time or date")
            String since,
            @QueryParam("limit") @Parameter(description = "At most this many interviewers (1 to " + MAX_LIMIT + ")",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "" + DEFAULT_LIMIT, minimum = "1",
                            maximum = "" + MAX_LIMIT)) String limit,
            @QueryParam("after") @Parameter(description = "Continue after this position: the value the `next` link carries")
            String after,
            @Context UriInfo uri) {
        int pageSize = limit(limit);
        return interviewers.interviewers(level(level), since(since), after(after), pageSize).map(page -> {
            Response.ResponseBuilder answer = Response.ok(page.interviewers(), MediaType.APPLICATION_JSON_TYPE);
            if (page.next() != null) {
                URI next = uri.getRequestUriBuilder().replaceQueryParam("limit", pageSize)
                        .replaceQueryParam("after", position(page.next())).build();
                answer.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
            }
            return answer.build();
        });
    }

    @GET
    @Path("/{interviewerId}")
    @RolesAllowed({Roles.INTERVIEWER, Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
    @Operation(summary = "One interviewer's calibration (an interviewer may read their own only)")
    @APIResponse(responseCode = "200", description = "The interviewer's calibration")
    @APIResponse(responseCode = "404", description = "No decided loop of this interviewer (in this level, since then)")
    public Uni<InterviewerCalibrationView> interviewer(@PathParam("interviewerId") String interviewerId,
                                                       @QueryParam("level") @Schema(implementation = Level.class) String level,
                                                       @QueryParam("since") String since) {
        boolean overseer = caller.getGroups() != null && caller.getGroups().stream().anyMatch(Roles.OVERSEERS::contains);
        if (!overseer && !interviewerId.equals(caller.getSubject())) {
            throw new AccessDenied("an interviewer may read their own calibration only");
        }
        return interviewers.interviewer(interviewerId, level(level), since(since)).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("no calibration for interviewer " + interviewerId)));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the same problem as out of range
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** A position as the next link carries it: base64url of "listKey,interviewerId". */
    static String position(QueryInterviewers.Position position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (position.listKey().toPlainString() + "," + position.interviewerId()).getBytes(StandardCharsets.UTF_8));
    }

    private static QueryInterviewers.Position after(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            int comma = text.indexOf(',');
            if (comma > 0 && comma < text.length() - 1) {
                return new QueryInterviewers.Position(new BigDecimal(text.substring(0, comma)), text.substring(comma + 1));
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: the same problem
        }
        throw ProblemException.invalid("after", "must be the position a next link of this list carries");
    }

    private static Level level(String value) {
        return value == null || value.isBlank() ? null : EnumParameter.of("level", value, Level.class);
    }

    /** An RFC 3339 time, or a date (its start, UTC). */
    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("since", "must be an RFC 3339 time or a date (YYYY-MM-DD)");
        }
    }
}
