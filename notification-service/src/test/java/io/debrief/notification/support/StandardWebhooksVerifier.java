package io.debrief.notification.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of the Standard Webhooks specification, written from the spec for the tests and deliberately
 * independent of the service's code: the signed content is {@code msg_id.timestamp.payload}, the key is the base64
 * part of the {@code whsec_} secret, the header holds space-separated {@code v1,<base64>} signatures, and timestamps
 * outside a tolerance are rejected.
 */
public final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public StandardWebhooksVerifier(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("secret must start with whsec_");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** Null when the message is authentic, else the reason it is not. */
    public String problem(String msgId, String timestamp, String signatureHeader, byte[] payload) {
        if (msgId == null || timestamp == null || signatureHeader == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number";
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        if (Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return "webhook-timestamp outside tolerance";
        }
        byte[] expected = hmac(msgId, timestamp, payload);
        for (String candidate : signatureHeader.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no matching v1 signature";
    }

    private byte[] hmac(String msgId, String timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
