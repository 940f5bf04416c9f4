package io.debrief.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.debrief.notification.support.StandardWebhooksVerifier;

class WebhookSignatureTest {

    @Test
    void reproducesThePublishedStandardWebhooksTestVector() {
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signatureCoversIdTimestampAndBody() {
        String secret = WebhookSignature.newSecret();
        String base = WebhookSignature.sign(secret, "loop-1:1:sub", 1700000000L, "{\"a\":1}");

        assertThat(WebhookSignature.sign(secret, "loop-1:2:sub", 1700000000L, "{\"a\":1}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "loop-1:1:sub", 1700000001L, "{\"a\":1}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "loop-1:1:sub", 1700000000L, "{\"a\":2}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(WebhookSignature.newSecret(), "loop-1:1:sub", 1700000000L, "{\"a\":1}"))
                .isNotEqualTo(base);
    }

    @Test
    void independentVerifierAcceptsOurSignatureOverUtf8Bodies() {
        String secret = WebhookSignature.newSecret();
        String body = "{\"summary\":\"No hire — Đánh giá\"}";
        long now = java.time.Instant.now().getEpochSecond();

        String signature = WebhookSignature.sign(secret, "id-1", now, body);

        assertThat(new StandardWebhooksVerifier(secret).problem("id-1", Long.toString(now), signature,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
        assertThat(new StandardWebhooksVerifier(secret).problem("id-2", Long.toString(now), signature,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotNull();
    }

    @Test
    void secretsAreWhsecPrefixedBase64OfThirtyTwoRandomBytes() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }
}
