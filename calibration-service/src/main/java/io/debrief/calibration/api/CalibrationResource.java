package io.debrief.calibration.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Outcome;
import io.debrief.calibration.events.CalibrationStream;
import io.debrief.calibration.store.DecisionEntity;
import io.debrief.calibration.store.LoopEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** Calibrations as stored after each event: exactly the documents published on {@code calibration-updates}. */
@Path("/api/calibrations")
@RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CalibrationResource {

    private final ObjectMapper json;
    private final CalibrationStream stream;

    public CalibrationResource(ObjectMapper json, CalibrationStream stream) {
        this.json = json;
        this.stream = stream;
    }

    @GET
    @Path("/{loopId}")
    @WithSession
    public Uni<JsonNode> calibration(@PathParam("loopId") String loopId) {
        return LoopEntity.<LoopEntity>findById(loopId).map(loop -> {
            if (loop == null || !loop.opened || loop.calibration == null) {
                throw ProblemException.notFound("no calibration for loop " + loopId);
            }
            return read(loop.calibration);
        });
    }

    /** Every decision version of a loop, oldest first (an extension of the contract). */
    @GET
    @Path("/{loopId}/decisions")
    @WithSession
    public Uni<ArrayNode> decisions(@PathParam("loopId") String loopId) {
        return LoopEntity.<LoopEntity>findById(loopId).chain(loop -> {
            if (loop == null || !loop.opened) {
                throw ProblemException.notFound("no calibration for loop " + loopId);
            }
            return DecisionEntity.<DecisionEntity>list("loopId = ?1 order by version", loopId)
                    .map(decisions -> array(decisions.stream().map(d -> d.decision).toList()));
        });
    }

    @GET
    @WithSession
    public Uni<ArrayNode> calibrations(@QueryParam("status") String status, @QueryParam("level") String level,
                                       @QueryParam("outcome") String outcome) {
        StringBuilder query = new StringBuilder("opened = true and calibration is not null");
        Map<String, Object> parameters = new HashMap<>();
        filter(query, parameters, "status", status, CalibrationStatus.class);
        filter(query, parameters, "level", level, Level.class);
        filter(query, parameters, "outcome", outcome, Outcome.class);
        query.append(" order by updatedAt desc, loopId");
        return LoopEntity.<LoopEntity>list(query.toString(), parameters)
                .map(loops -> array(loops.stream().map(loop -> loop.calibration).toList()));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return stream.updates().map(calibration -> sse.newEventBuilder()
                .name("calibration")
                .mediaType(MediaType.TEXT_PLAIN_TYPE) // the data is already JSON text
                .data(String.class, calibration)
                .build());
    }

    private static <E extends Enum<E>> void filter(StringBuilder query, Map<String, Object> parameters, String field,
                                                   String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            parameters.put(field, Enum.valueOf(type, value).name());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(field, "unknown " + field + " " + value + "; one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
        query.append(" and ").append(field).append(" = :").append(field);
    }

    private ArrayNode array(List<String> documents) {
        ArrayNode array = json.createArrayNode();
        List<JsonNode> nodes = new ArrayList<>();
        for (String document : documents) {
            nodes.add(read(document));
        }
        array.addAll(nodes);
        return array;
    }

    private JsonNode read(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored calibration is not JSON", e);
        }
    }
}
