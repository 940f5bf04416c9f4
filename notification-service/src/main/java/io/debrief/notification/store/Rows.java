package io.debrief.notification.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.domain.StoredEvent;
import io.vertx.mutiny.sqlclient.Row;

/** Small conversions between SQL rows and Java values. */
final class Rows {

    private Rows() {
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** The event in columns {@code prefix + seq, ce_id, type, loop_id, payload, occurred_at}. */
    static StoredEvent event(Row row, String prefix) {
        return new StoredEvent(row.getLong(prefix + "seq"), row.getString(prefix + "ce_id"),
                EventType.ofWireName(row.getString(prefix + "type")).orElseThrow(), row.getString(prefix + "loop_id"),
                row.getString(prefix + "payload"), instant(row, prefix + "occurred_at"));
    }

    static StoredDecision decision(Row row) {
        return new StoredDecision(row.getLong("seq"), row.getString("loop_id"), row.getInteger("decision_version"),
                row.getString("payload"), row.getString("summary"), instant(row, "received_at"));
    }
}
