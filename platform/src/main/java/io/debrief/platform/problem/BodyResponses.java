package io.debrief.platform.problem;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.debrief.platform.openapi.Operations;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The OpenAPI side of a request body: every operation that takes one answers 413 to a body over
 * {@code quarkus.http.limits.max-body-size} ({@link BodyLimit}) and 415 to a body of a type it does not consume, so
 * its document says so without each resource method repeating it. An operation that documents either status itself
 * keeps its own. Runs before {@link ProblemResponses}, which gives both the problem content.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = BodyResponses.PRIORITY)
public class BodyResponses implements OASFilter {

    /** Above {@link ProblemResponses}' (the default): a higher priority runs first. */
    static final int PRIORITY = 10;

    private final String tooLarge;

    public BodyResponses() {
        this(new MemorySizeConverter().convert(ConfigProvider.getConfig()
                .getValue("quarkus.http.limits.max-body-size", String.class)).asLongValue());
    }

    BodyResponses(long maxBodyBytes) {
        this.tooLarge = "The body is over " + BodyLimit.size(maxBodyBytes);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Operations.of(openAPI).filter(operation -> operation.getRequestBody() != null).forEach(this::describe);
    }

    private void describe(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (!responses.hasAPIResponse("413")) {
            responses.addAPIResponse("413", OASFactory.createAPIResponse().description(tooLarge));
        }
        Map<String, ?> consumed = consumed(operation.getRequestBody());
        if (!responses.hasAPIResponse("415") && !consumed.isEmpty()) {
            responses.addAPIResponse("415", OASFactory.createAPIResponse()
                    .description("The body is not " + String.join(" or ", consumed.keySet())));
        }
    }

    private static Map<String, ?> consumed(RequestBody body) {
        return body.getContent() == null || body.getContent().getMediaTypes() == null ? Map.of()
                : body.getContent().getMediaTypes();
    }
}
