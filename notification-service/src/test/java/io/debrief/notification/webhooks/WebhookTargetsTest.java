package io.debrief.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.1.2.3/hook",
            "https://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
            "http://0.0.0.0/" })
    void privateTargetsAreRefusedUnlessAllowed(String url) {
        assertThat(new WebhookTargets(false).problem(url).await().atMost(WAIT))
                .contains("must not target a private, loopback or link-local address");
        assertThat(new WebhookTargets(true).problem(url).await().atMost(WAIT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.216.34/hook", "http://8.8.8.8/" })
    void publicAddressesAreAccepted(String url) {
        assertThat(new WebhookTargets(false).problem(url).await().atMost(WAIT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://8.8.8.8/", "https://user:pw@8.8.8.8/" })
    void syntaxIsCheckedEvenWhenPrivateTargetsAreAllowed(String url) {
        assertThat(new WebhookTargets(true).problem(url).await().atMost(WAIT)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void unresolvableHostIsRefused() {
        assertThat(new WebhookTargets(false).problem("https://no-such-host.invalid/hook").await().atMost(WAIT))
                .contains("host cannot be resolved");
    }
}
