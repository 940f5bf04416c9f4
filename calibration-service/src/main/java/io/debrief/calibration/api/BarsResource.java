package io.debrief.calibration.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.debrief.calibration.domain.CalibrationEngine;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.events.CalibrationJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The bar applied per level; {@code expertAreas} is null for a level without that rule. */
@Path("/api/bars")
@RolesAllowed({Roles.RECRUITER, Roles.HIRING_MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class BarsResource {

    private final CalibrationEngine engine;

    public BarsResource(CalibrationEngine engine) {
        this.engine = engine;
    }

    @GET
    public Map<Level, CalibrationJson.BarJson> bars() {
        Map<Level, CalibrationJson.BarJson> bars = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            bars.put(level, CalibrationJson.BarJson.of(engine.bars().of(level)));
        }
        return bars;
    }
}
