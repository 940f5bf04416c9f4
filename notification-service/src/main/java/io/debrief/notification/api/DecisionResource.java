package io.debrief.notification.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.debrief.notification.domain.FeedbackLetter.Language;
import io.debrief.notification.usecase.ReadDecisions;
import io.debrief.notification.usecase.WriteLetter;
import io.debrief.platform.problem.ProblemException;
import io.debrief.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

/**
 * Received decisions: the latest ones, a loop's ones, and a live stream that resumes with Last-Event-ID. Read by
 * recruiters, hiring managers and admins, never by interviewers (blind feedback).
 */
@Path("/api/decisions")
@RolesAllowed({ Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN })
@Tag(name = "Decisions", description = "Hiring decisions received from calibration-service")
@APIResponse(responseCode = "401", description = "No valid bearer token (header or session cookie)")
@APIResponse(responseCode = "403", description = "The token's roles may not read decisions (letters: recruiters and"
        + " admins only)")
@APIResponse(responseCode = "503", description = "The database, or scorecard-service's loop keys that open candidate"
        + " names, are unavailable; Retry-After says when to try again")
public class DecisionResource {

    static final String EVENT_NAME = "decision";
    private static final Duration MIN_STREAM = Duration.ofSeconds(1);

    private final ReadDecisions decisions;
    private final WriteLetter letters;
    private final StreamConfig streamConfig;

    public DecisionResource(ReadDecisions decisions, WriteLetter letters, StreamConfig streamConfig) {
        this.decisions = decisions;
        this.letters = letters;
        this.streamConfig = streamConfig;
    }

    /** A loop's decisions, newest version first; without {@code loopId}, the latest decisions of all loops. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A loop's decisions, or the latest decisions of all loops, newest first")
    @APIResponse(responseCode = "200", description = "The decisions, newest first (none: an empty list)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DecisionSchema.class)))
    public Uni<List<ObjectNode>> list(@QueryParam("loopId") String loopId) {
        return decisions.newestFirst(loopId);
    }

    /**
     * The candidate feedback letter of a loop's latest decision (CONTRACT.md Part 2), for a recruiter to review and
     * send: recruiters and admins only (a hiring manager gets 403).
     */
    @GET
    @Path("/{loopId}/letter")
    @RolesAllowed({ Roles.RECRUITER, Roles.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The candidate feedback letter of a loop's latest decision, in English or Vietnamese")
    @APIResponse(responseCode = "200", description = "The letter, plain text in a JSON object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LetterView.class)))
    @APIResponse(responseCode = "400", description = "An unknown language (the violation names lang)")
    @APIResponse(responseCode = "404", description = "The loop has no decision yet")
    public Uni<LetterView> letter(@PathParam("loopId") String loopId,
            @Parameter(description = "The letter's language, en (default) or vi",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "en", "vi" }, defaultValue = "en"))
            @QueryParam("lang") String lang) {
        Language language = lang == null || lang.isBlank() ? Language.EN : Language.of(lang)
                .orElseThrow(() -> ProblemException.invalid("lang", Language.oneOf()));
        return letters.of(loopId, language).map(written -> new LetterView(written.loopId(),
                written.decisionVersion(), written.language().code(), written.letter().subject(),
                written.letter().body()));
    }

    /**
     * Server-sent events: {@code event: decision}, {@code id: loopId:decisionVersion}, data a Decision. A client
     * that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) first gets what it missed. A comment is
     * sent when the stream opens and every keep-alive period. The stream ends when the caller's token expires: a
     * client must come back with a valid one (an EventSource reconnects by itself, with the session cookie if it is
     * still there, and resumes with Last-Event-ID).
     */
    @GET
    @Path("/stream")
    @Operation(summary = "Live decisions as server-sent events; resumes after Last-Event-ID")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "text/event-stream: event 'decision', id loopId:decisionVersion,"
            + " data a Decision",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = DecisionSchema.class)))
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdQuery, @Context Sse sse, @Context SecurityContext security) {
        Optional<String> lastEventId = Optional.ofNullable(lastEventIdHeader).filter(id -> !id.isBlank())
                .or(() -> Optional.ofNullable(lastEventIdQuery).filter(id -> !id.isBlank()));
        UnicastProcessor<OutboundSseEvent> opened = UnicastProcessor.create();
        Multi<OutboundSseEvent> relayed = decisions.stream(lastEventId, () -> {
                    opened.onNext(sse.newEventBuilder().comment("stream open").build());
                    opened.onComplete();
                })
                .map(decision -> sse.newEventBuilder()
                        .name(EVENT_NAME)
                        .id(decision.eventId())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(decision.json())
                        .build());
        Multi<OutboundSseEvent> keepAlives = Multi.createFrom().ticks().every(streamConfig.keepAlive())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        Multi<OutboundSseEvent> events = Multi.createBy().merging().streams(opened, relayed, keepAlives);
        Optional<Duration> validFor = validFor(security, Instant.now());
        return validFor.isPresent() ? events.select().first(validFor.get()) : events;
    }

    /**
     * How long the caller's token is still valid, if it says; at least a second (a token just past its expiry is
     * still accepted within the verifier's clock skew).
     */
    static Optional<Duration> validFor(SecurityContext security, Instant now) {
        if (security != null && security.getUserPrincipal() instanceof JsonWebToken token
                && token.getExpirationTime() > 0) {
            Duration left = Duration.between(now, Instant.ofEpochSecond(token.getExpirationTime()));
            return Optional.of(left.compareTo(MIN_STREAM) < 0 ? MIN_STREAM : left);
        }
        return Optional.empty();
    }
}
