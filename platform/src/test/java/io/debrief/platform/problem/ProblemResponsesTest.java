package io.debrief.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import io.smallrye.openapi.api.SmallRyeOpenAPI;

class ProblemResponsesTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void aBareClientOrServerErrorBecomesAProblem() {
        APIResponses responses = responses()
                .addAPIResponse("404", bare("No such loop"))
                .addAPIResponse("503", bare("The database is unavailable"))
                .addAPIResponse("4XX", bare("Any other client error"));

        filter(document(responses));

        for (String status : new String[] { "404", "503", "4XX" }) {
            Content content = responses.getAPIResponse(status).getContent();
            assertThat(content.getMediaTypes()).as(status).containsOnlyKeys(Problem.MEDIA_TYPE);
            assertThat(content.getMediaType(Problem.MEDIA_TYPE).getSchema().getRef()).as(status).isEqualTo(PROBLEM_REF);
        }
        assertThat(responses.getAPIResponse("404").getDescription()).isEqualTo("No such loop");
    }

    @Test
    void aSuccessOrRedirectResponseIsLeftAlone() {
        APIResponses responses = responses()
                .addAPIResponse("200", bare("The loop"))
                .addAPIResponse("204", bare("Unsubscribed"))
                .addAPIResponse("303", bare("See the new loop"))
                .addAPIResponse("default", bare("Anything else"));

        filter(document(responses));

        assertThat(responses.getAPIResponses().values()).allSatisfy(response -> assertThat(response.getContent()).isNull());
    }

    @Test
    void anErrorWithItsOwnContentKeepsIt() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        APIResponse html = bare("A page saying why").content(OASFactory.createContent()
                .addMediaType("text/html", OASFactory.createMediaType().schema(text)));
        Schema other = OASFactory.createSchema().ref("#/components/schemas/Refusal");
        APIResponse ownProblem = bare("A refusal").content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(other)));
        APIResponses responses = responses().addAPIResponse("406", html).addAPIResponse("409", ownProblem);

        filter(document(responses));

        assertThat(html.getContent().getMediaTypes()).containsOnlyKeys("text/html");
        assertThat(html.getContent().getMediaType("text/html").getSchema()).isSameAs(text);
        assertThat(ownProblem.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema()).isSameAs(other);
    }

    @Test
    void aProblemWithOnlyExamplesGetsTheSchemaAndKeepsItsExamples() {
        MediaType examples = OASFactory.createMediaType()
                .addExample("invalid", OASFactory.createExample().value("{\"status\":400}"));
        APIResponse invalid = bare("Invalid fields").content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, examples));

        filter(document(responses().addAPIResponse("400", invalid)));

        MediaType problem = invalid.getContent().getMediaType(Problem.MEDIA_TYPE);
        assertThat(problem.getSchema().getRef()).isEqualTo(PROBLEM_REF);
        assertThat(problem.getExamples()).containsOnlyKeys("invalid");
    }

    @Test
    void aDocumentReferringToAProblemSchemaItLacksIsRefused() {
        OpenAPI document = document(responses().addAPIResponse("404", bare("No such loop")));
        document.setComponents(null);

        assertThatIllegalStateException().isThrownBy(() -> filter(document)).withMessageContaining(PROBLEM_REF);
    }

    @Test
    void theProblemSchemaIsAComponentWithoutAnyAnnotationNamingTheClass() throws Exception {
        OpenAPI scanned = SmallRyeOpenAPI.builder()
                .withIndex(Index.of(Problem.class, Problem.Violation.class))
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableStandardFilter(false)
                .build()
                .model();

        assertThat(scanned.getComponents().getSchemas()).containsKeys("Problem", "Violation");
        assertThat(scanned.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "violations");
    }

    private static void filter(OpenAPI document) {
        new ProblemResponses().filterOpenAPI(document);
    }

    private static APIResponses responses() {
        return OASFactory.createAPIResponses();
    }

    private static APIResponse bare(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    /** One operation with these responses, and the Problem component the services' documents have. */
    private static OpenAPI document(APIResponses responses) {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths().addPathItem("/api/loops/{loopId}", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().responses(responses))))
                .components(OASFactory.createComponents()
                        .addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)));
    }
}
