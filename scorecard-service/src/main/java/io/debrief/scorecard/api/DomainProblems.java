package io.debrief.scorecard.api;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.debrief.platform.problem.Problem;
import io.debrief.platform.problem.Problems;
import io.debrief.scorecard.domain.DomainException;
import jakarta.ws.rs.core.Response;

/** The domain's refusals as problem details; every other failure is the platform's {@code ProblemMapper}'s. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        if (e instanceof DomainException.InvalidField invalid) {
            return Problems.response(400, Problems.INVALID,
                    List.of(new Problem.Violation(invalid.field(), invalid.getMessage())));
        }
        int status = e instanceof DomainException.NotFound ? 404 : e instanceof DomainException.Forbidden ? 403 : 409;
        return Problems.response(status, e.getMessage(), null);
    }
}
