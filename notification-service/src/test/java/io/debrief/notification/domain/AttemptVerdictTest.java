package io.debrief.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptVerdictTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "200, DELIVERED", "201, DELIVERED", "204, DELIVERED", "299, DELIVERED",
            "301, RETRY", "302, RETRY", "304, RETRY", "400, RETRY", "404, RETRY", "429, RETRY",
            "500, RETRY", "503, RETRY", "410, GONE" })
    void statusCodeDecidesTheDeliveryVerdict(int status, AttemptVerdict verdict) {
        assertThat(AttemptVerdict.of(status)).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "HTTP {0} honours Retry-After: {1}")
    @CsvSource({ "429, true", "503, true", "500, false", "302, false" })
    void onlyTooManyRequestsAndUnavailableCarryRetryAfter(int status, boolean honoured) {
        assertThat(AttemptVerdict.honoursRetryAfter(status)).isEqualTo(honoured);
    }

    @org.junit.jupiter.api.Test
    void noResponseIsRetried() {
        assertThat(AttemptVerdict.of(null)).isEqualTo(AttemptVerdict.RETRY);
    }
}
