package io.debrief.scorecard.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only resource without a security annotation: proves that such a method is denied, not open. */
@Path(UnannotatedProbe.PATH)
public class UnannotatedProbe {

    static final String PATH = "/api/test-only/unannotated";

    @GET
    public String open() {
        return "this should never be answered";
    }
}
