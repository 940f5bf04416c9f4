package io.debrief.scorecard.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.debrief.platform.openapi.Operations;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The OpenAPI side of {@link IdempotencyKeys}: every operation that reads the {@value IdempotencyKeys#HEADER} header
 * says what the key does (unless its own {@code @Parameter} says more) and answers 422 to a key reused with a
 * different request. Runs before platform's {@code ProblemResponses}, which gives the 422 the problem content.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = IdempotencyResponses.PRIORITY)
public class IdempotencyResponses implements OASFilter {

    /** Above {@code ProblemResponses}' (the default): a higher priority runs first. */
    static final int PRIORITY = 10;
    static final String KEY = "Makes retries safe for 24 h";
    static final String REUSED = IdempotencyKeys.HEADER + " reused with a different request";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Operations.of(openAPI).forEach(IdempotencyResponses::describe);
    }

    private static void describe(Operation operation) {
        Parameter key = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
        if (key == null) {
            return;
        }
        if (key.getDescription() == null) {
            key.setDescription(KEY);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse("422")) {
            operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse().description(REUSED));
        }
    }
}
