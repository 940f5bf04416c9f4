package io.debrief.calibration.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.events.CalibrationJson;
import io.debrief.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The bar applied per level; {@code expertAreas} is null for a level without that rule. */
@Path("/api/bars")
@RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bars")
public class BarsResource {

    private final CalibrationEngine engine;

    public BarsResource(CalibrationEngine engine) {
        this.engine = engine;
    }

    @GET
    @Operation(summary = "The hiring bar of every level")
    @APIResponse(responseCode = "200", description = "{JUNIOR:{average, areaMinimum, expertAreas}, MID:…, SENIOR:…}")
    @APIResponse(responseCode = "401", description = "No valid bearer token (header or session cookie)")
    @APIResponse(responseCode = "403", description = "The token's roles may not read the bars")
    public Map<Level, CalibrationJson.BarJson> bars() {
        Map<Level, CalibrationJson.BarJson> bars = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            bars.put(level, CalibrationJson.BarJson.of(engine.bars().of(level)));
        }
        return bars;
    }
}
