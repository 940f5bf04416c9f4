package io.debrief.calibration.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only endpoint that names no roles: the service's security settings must deny it to everyone. */
@Path(UnannotatedResource.PATH)
public class UnannotatedResource {

    static final String PATH = "/api/test-only/unannotated";

    @GET
    public String answer() {
        return "should never be served";
    }
}
