package io.debrief.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

class BodyResponsesTest {

    private static final long LIMIT = 256 * 1024;

    @Test
    void anOperationTakingABodyAnswersTooLargeAndUnsupportedMediaType() {
        Operation create = operation(OASFactory.createAPIResponses()
                .addAPIResponse("201", OASFactory.createAPIResponse().description("Created")))
                .requestBody(body("application/json"));

        filter(document(create));

        assertThat(create.getResponses().getAPIResponses()).containsOnlyKeys("201", "413", "415");
        assertThat(create.getResponses().getAPIResponse("413").getDescription()).isEqualTo("The body is over 256 KiB");
        assertThat(create.getResponses().getAPIResponse("415").getDescription())
                .isEqualTo("The body is not application/json");
        assertThat(create.getResponses().getAPIResponse("413").getContent()).isNull(); // ProblemResponses' job
    }

    @Test
    void anOperationsOwnDescriptionOfEitherStatusStays() {
        Operation upload = operation(OASFactory.createAPIResponses()
                .addAPIResponse("413", OASFactory.createAPIResponse().description("A file over 1 MiB")))
                .requestBody(body("text/csv", "application/json"));

        filter(document(upload));

        assertThat(upload.getResponses().getAPIResponse("413").getDescription()).isEqualTo("A file over 1 MiB");
        assertThat(upload.getResponses().getAPIResponse("415").getDescription())
                .isEqualTo("The body is not text/csv or application/json");
    }

    @Test
    void anOperationWithoutABodyIsLeftAlone() {
        Operation read = operation(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("The loop")));

        filter(document(read));

        assertThat(read.getResponses().getAPIResponses()).containsOnlyKeys("200");
    }

    @Test
    void aBodyWithoutContentTypesAnswersOnlyTooLarge() {
        Operation bare = operation(null).requestBody(OASFactory.createRequestBody());

        filter(document(bare));

        assertThat(bare.getResponses().getAPIResponses()).containsOnlyKeys("413");
    }

    @Test
    void runsBeforeTheFilterThatGivesErrorsTheProblemContent() {
        int problems = ProblemResponses.class.getAnnotation(io.quarkus.smallrye.openapi.OpenApiFilter.class).priority();
        assertThat(BodyResponses.PRIORITY).isGreaterThan(problems);
    }

    private static void filter(OpenAPI document) {
        new BodyResponses(LIMIT).filterOpenAPI(document);
    }

    private static Operation operation(APIResponses responses) {
        return OASFactory.createOperation().responses(responses);
    }

    private static org.eclipse.microprofile.openapi.models.parameters.RequestBody body(String... mediaTypes) {
        var content = OASFactory.createContent();
        for (String type : mediaTypes) {
            content.addMediaType(type, OASFactory.createMediaType());
        }
        return OASFactory.createRequestBody().content(content);
    }

    private static OpenAPI document(Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/things", OASFactory.createPathItem().POST(operation)));
    }
}
