package io.debrief.notification.domain;

/** What one webhook attempt means for its delivery (CONTRACT.md, webhooks). */
public enum AttemptVerdict {
    /** Any 2xx. */
    DELIVERED,
    /** 410 Gone: the receiver asks us to stop; the subscription is disabled. */
    GONE,
    /** Anything else (3xx, 4xx, 5xx, timeout, connection failure): try again per the schedule. */
    RETRY;

    public static AttemptVerdict of(Integer statusCode) {
        if (statusCode == null) {
            return RETRY;
        }
        if (statusCode >= 200 && statusCode < 300) {
            return DELIVERED;
        }
        return statusCode == 410 ? GONE : RETRY;
    }

    /** Only these statuses carry a Retry-After that we honour. */
    public static boolean honoursRetryAfter(Integer statusCode) {
        return statusCode != null && (statusCode == 429 || statusCode == 503);
    }
}
