package io.debrief.scorecard.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes events into {@code outbox_event} on the caller's transaction, so that an event commits or rolls back with
 * the change it describes. Laid out as Debezium's outbox event router expects ({@code id}, {@code aggregatetype},
 * {@code aggregateid} = the record key, {@code type}, {@code payload}, {@code timestamp}).
 */
@ApplicationScoped
public class OutboxStore {

    /** Debezium's {@code aggregatetype}: every event here belongs to a loop. */
    static final String AGGREGATE_TYPE = "loop";

    private static final String INSERT = """
            INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, "timestamp", traceparent, tracestate)
            VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8)""";

    public Uni<Void> append(SqlConnection tx, OutboxRow row) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {row.id(), AGGREGATE_TYPE, row.aggregateId(), row.type(),
                        row.payload(), OffsetDateTime.ofInstant(row.timestamp(), ZoneOffset.UTC), row.traceparent(),
                        row.tracestate()}))
                .replaceWithVoid();
    }
}
