package io.debrief.scorecard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import io.debrief.platform.problem.ProblemResponses;
import io.quarkus.smallrye.openapi.OpenApiFilter;

class IdempotencyResponsesTest {

    @Test
    void anOperationReadingTheKeyAnswers422AndSaysWhatTheKeyDoes() {
        Parameter key = header(IdempotencyKeys.HEADER);
        Operation open = OASFactory.createOperation().addParameter(key).responses(OASFactory.createAPIResponses()
                .addAPIResponse("201", OASFactory.createAPIResponse().description("Loop opened")));

        filter(document(open));

        assertThat(open.getResponses().getAPIResponses()).containsOnlyKeys("201", "422");
        assertThat(open.getResponses().getAPIResponse("422").getDescription())
                .isEqualTo("Idempotency-Key reused with a different request");
        assertThat(open.getResponses().getAPIResponse("422").getContent()).isNull(); // ProblemResponses' job
        assertThat(key.getDescription()).isEqualTo("Makes retries safe for 24 h");
    }

    @Test
    void aKeyDescribedByItsOperationKeepsItsDescription() {
        Parameter key = header(IdempotencyKeys.HEADER).description("Makes retries safe: no second version");
        Operation amend = OASFactory.createOperation().addParameter(key);

        filter(document(amend));

        assertThat(key.getDescription()).isEqualTo("Makes retries safe: no second version");
        assertThat(amend.getResponses().getAPIResponses()).containsOnlyKeys("422");
    }

    @Test
    void anOperationWithoutTheKeyIsLeftAlone() {
        Operation cancel = OASFactory.createOperation().addParameter(header("X-Request-Id"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The cancelled loop")));

        filter(document(cancel));

        assertThat(cancel.getResponses().getAPIResponses()).containsOnlyKeys("200");
    }

    @Test
    void runsBeforeTheFilterThatGivesErrorsTheProblemContent() {
        assertThat(IdempotencyResponses.PRIORITY)
                .isGreaterThan(ProblemResponses.class.getAnnotation(OpenApiFilter.class).priority());
    }

    private static void filter(OpenAPI document) {
        new IdempotencyResponses().filterOpenAPI(document);
    }

    private static Parameter header(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER);
    }

    private static OpenAPI document(Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/loops", OASFactory.createPathItem().POST(operation)));
    }
}
