package io.debrief.scorecard.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.debrief.platform.privacy.LoopKeysConfig;
import io.debrief.platform.problem.ProblemException;
import io.debrief.scorecard.store.LoopKeyStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The loop keys calibration-service and notification-service open the candidate's sealed name with (issue 18,
 * platform {@code privacy.LoopKeys}). Not a user's API: no JWT, but the service token all three services share
 * ({@code debrief.loop-keys.service-token}) in {@code X-Debrief-Service-Token}, compared in constant time; without a
 * configured token nothing is handed out. An erased loop has no key and is simply absent from the answer.
 */
@Path("/internal/loop-keys")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class LoopKeysResource {

    static final String TOKEN_HEADER = "X-Debrief-Service-Token";
    static final int MAX_LOOPS = 1000;

    public record KeysRequest(List<String> loopIds) {
    }

    public record KeysResponse(Map<String, String> keys) {
    }

    private final LoopKeyStore keys;
    private final byte[] token;

    public LoopKeysResource(LoopKeyStore keys, LoopKeysConfig config) {
        this.keys = keys;
        this.token = config.serviceToken().map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @POST
    @Operation(summary = "Loop keys (service to service)", hidden = true)
    public Uni<KeysResponse> keys(@HeaderParam(TOKEN_HEADER) String presented, KeysRequest request) {
        if (token == null || presented == null
                || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new ProblemException(403,
                    "the loop keys are for Debrief's services: a valid " + TOKEN_HEADER + " is required", List.of()));
        }
        if (request == null || request.loopIds() == null) {
            return Uni.createFrom().failure(ProblemException.invalid("loopIds", "is required"));
        }
        if (request.loopIds().size() > MAX_LOOPS) {
            return Uni.createFrom().failure(ProblemException.invalid("loopIds", "at most " + MAX_LOOPS));
        }
        List<UUID> ids = new ArrayList<>();
        for (String id : request.loopIds()) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException | NullPointerException e) {
                // names no loop: absent from the answer
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new KeysResponse(Map.of()));
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return keys.find(ids).map(found -> {
            Map<String, String> out = new LinkedHashMap<>();
            found.forEach((loopId, key) -> out.put(loopId.toString(), base64.encodeToString(key)));
            return new KeysResponse(out);
        });
    }
}
