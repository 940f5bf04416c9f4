package io.debrief.platform.problem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.debrief.platform.openapi.Operations;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The OpenAPI side of {@link ProblemMapper}: in every service's document an error response (4xx, 5xx) is
 * {@code application/problem+json} with the {@code Problem} schema, so a resource documents an error by its status and
 * description alone. A response without content gets the problem content; a problem+json media type without a schema
 * (one that only brings examples) gets the schema; any other content is the resource's own and stays.
 *
 * <p>Runs once per build, after Quarkus's own filters, so the 401, 403 and 400 those add to an operation are covered
 * too. The schema component comes from the class-level {@code @Schema} on {@link Problem}, which SmallRye puts into
 * the components whether or not an annotation names the class; a document that refers to it without having it is a
 * build failure rather than a dangling {@code $ref}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /** The component's name is the one Problem's own {@code @Schema} gives it. */
    static final String SCHEMA = Problem.class
            .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class).name();
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean refers = false;
        for (APIResponse response : errorResponses(openAPI)) {
            refers |= describe(response);
        }
        if (refers && !hasSchema(openAPI.getComponents())) {
            throw new IllegalStateException("error responses refer to " + SCHEMA_REF + ", which the document lacks: "
                    + "is " + Problem.class.getName() + " in the application's index?");
        }
    }

    /** The 4xx and 5xx responses of every operation, except references to a reusable response. */
    private static List<APIResponse> errorResponses(OpenAPI openAPI) {
        return Operations.of(openAPI)
                .map(Operation::getResponses)
                .filter(responses -> responses != null && responses.getAPIResponses() != null)
                .flatMap(responses -> responses.getAPIResponses().entrySet().stream())
                .filter(response -> isError(response.getKey()) && response.getValue().getRef() == null)
                .map(Map.Entry::getValue)
                .toList();
    }

    /** 4xx and 5xx, exact ("404") or a range ("5XX"). */
    static boolean isError(String status) {
        return status != null && status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** Gives the response the problem content where it has none; true if it refers to the Problem schema. */
    private static boolean describe(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType());
            response.setContent(content);
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            return false; // the response's own content
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(SCHEMA_REF));
        }
        return SCHEMA_REF.equals(problem.getSchema().getRef());
    }

    private static boolean hasSchema(Components components) {
        return components != null && components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA);
    }
}
