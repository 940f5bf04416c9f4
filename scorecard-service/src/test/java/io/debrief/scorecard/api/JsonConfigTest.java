package io.debrief.scorecard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.Area;

/** Jackson, as configured for this service, refuses every silent coercion of a scorecard's values. */
class JsonConfigTest {

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonConfig().customize(mapper);
        return mapper;
    }

    private static String scorecard(String field, String value) {
        String base = "{\"interviewerId\":\"alice\",\"scores\":{\"CI_CD\":4},\"recommendation\":\"YES\","
                + "\"redFlags\":[],\"greenFlags\":[],\"notes\":\"n\"}";
        return switch (field) {
            case "score" -> base.replace("\"CI_CD\":4", "\"CI_CD\":" + value);
            case "recommendation" -> base.replace("\"YES\"", value);
            case "notes" -> base.replace("\"n\"", value);
            case "interviewerId" -> base.replace("\"alice\"", value);
            case "greenFlags" -> base.replace("\"greenFlags\":[]", "\"greenFlags\":[" + value + "]");
            default -> throw new IllegalArgumentException(field);
        };
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "score|3.5", "score|4.0", "score|\"4\"", "score|true", "score|[4]",
            "recommendation|2", "recommendation|\"yes\"", "recommendation|\"MAYBE\"",
            "notes|42", "notes|false", "interviewerId|7", "greenFlags|\"RIGID\"", "greenFlags|0"})
    void aWrongTypeIsRefused(String field, String value) {
        assertThatThrownBy(() -> mapper().readValue(scorecard(field, value), ScorecardRequest.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest(name = "score {0} parses")
    @CsvSource({"1", "5", "0", "6"})
    void integersParseAndTheirRangeIsLeftToValidation(int score) throws Exception {
        ScorecardRequest request = mapper().readValue(scorecard("score", String.valueOf(score)), ScorecardRequest.class);
        assertThat(request.scores()).containsEntry(Area.CI_CD, score);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "duplicate key|{\"interviewerId\":\"a\",\"interviewerId\":\"b\"}",
            "trailing tokens|{\"interviewerId\":\"a\"} {}"})
    void ambiguousDocumentsAreRefused(String name, String json) {
        assertThatThrownBy(() -> mapper().readValue(json, ScorecardRequest.class))
                .isInstanceOf(com.fasterxml.jackson.core.JacksonException.class);
    }
}
