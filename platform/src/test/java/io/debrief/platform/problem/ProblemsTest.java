package io.debrief.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;

class ProblemsTest {

    enum Colour { RED, GREEN }

    record Body(List<Colour> colours, Map<String, Integer> scores, int count) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    private Problem.Violation violationOf(String json) {
        try {
            mapper.readValue(json, new TypeReference<Body>() { });
        } catch (JacksonException e) {
            return Violations.of(e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void anUnknownEnumValueNamesItsIndexAndTheAllowedValues() {
        assertThat(violationOf("{\"colours\":[\"RED\",\"BLUE\"]}"))
                .isEqualTo(new Problem.Violation("colours[1]", "must be one of RED, GREEN"));
    }

    @Test
    void aWrongTypeInAMapNamesTheKey() {
        assertThat(violationOf("{\"scores\":{\"CI_CD\":[1]}}").field()).isEqualTo("scores[CI_CD]");
    }

    @Test
    void malformedJsonIsAViolationOfTheBody() {
        Problem.Violation violation = violationOf("{\"count\":");
        assertThat(violation.field()).isEqualTo("body");
        assertThat(violation.message()).startsWith("is not well-formed JSON");
    }

    @Test
    void aRefusedConnectionDeepInTheCauseChainIsAnOutage() {
        Exception failure = new CompletionException(new IllegalStateException("session", new ConnectException("refused")));
        assertThat(Outages.isOutage(failure)).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void postgresShuttingDownIsAnOutageButAConstraintViolationIsNot() {
        assertThat(Outages.isOutage(new PgException("terminating connection", "FATAL", "57P01", null))).isTrue();
        assertThat(Outages.isOutage(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    }

    @Test
    void anUnavailableAnswerCarriesRetryAfterInWholeSeconds() {
        Response response = Problems.of(ProblemException.unavailable("busy", java.time.Duration.ofMillis(1500)));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Service Unavailable");
    }

    @Test
    void everyUnauthorizedAnswerNamesTheBearerScheme() {
        Response response = Problems.response(401, Problems.UNAUTHORIZED, null);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void titlesUseTheNamesOfRfc9110() {
        assertThat(Problems.title(413)).isEqualTo("Content Too Large");
        assertThat(Problems.title(422)).isEqualTo("Unprocessable Content");
        assertThat(Problems.title(404)).isEqualTo("Not Found");
    }
}
