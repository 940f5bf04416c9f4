package io.debrief.scorecard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/ping")
public class Placeholder {
    @GET
    public String ping() { return "pong"; }
}
