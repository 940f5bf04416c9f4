package io.debrief.notification.webhooks;

/**
 * What a receiver did with one attempt.
 *
 * @param statusCode null when no response came (timeout, connection refused, refused target)
 * @param retryAfter the Retry-After header, if any
 * @param error      a short description when the attempt did not succeed
 */
public record AttemptResult(Integer statusCode, String retryAfter, String error) {

    public static AttemptResult response(int statusCode, String retryAfter) {
        boolean success = statusCode >= 200 && statusCode < 300;
        return new AttemptResult(statusCode, retryAfter, success ? null : "HTTP " + statusCode);
    }

    public static AttemptResult noResponse(String error) {
        return new AttemptResult(null, null, error);
    }
}
