package io.debrief.notification.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored webhook subscription. {@code toString} never shows the secret. */
public record Subscription(UUID id, String url, String description, List<String> outcomes, List<String> levels,
        String secret, Instant createdAt, Instant disabledAt, String disabledReason) {

    public boolean active() {
        return disabledAt == null;
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", url=" + url + ", outcomes=" + outcomes + ", levels=" + levels
                + ", disabledAt=" + disabledAt + "]";
    }
}
