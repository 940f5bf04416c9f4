package io.debrief.scorecard.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.Loop;
import io.debrief.scorecard.domain.Scorecard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that writes events: a row in {@code outbox_event} on the caller's connection, so the event commits
 * or rolls back with the change it describes. After the commit the caller wakes the relays ({@link OutboxSignal}); a
 * relay publishes the row to Kafka and then deletes it.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, "timestamp")
            VALUES ($1, $2, $3, $4, $5::text::jsonb, $6)""";

    private final ObjectMapper mapper;

    public OutboxWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> loopOpened(SqlConnection tx, Loop loop) {
        return append(tx, loop.loopId(), EventTypes.LOOP_OPENED, LoopOpened.of(loop), loop.openedAt());
    }

    public Uni<Void> scorecardSubmitted(SqlConnection tx, Scorecard scorecard) {
        return append(tx, scorecard.loopId(), EventTypes.SCORECARD_SUBMITTED, ScorecardSubmitted.of(scorecard),
                scorecard.submittedAt());
    }

    public Uni<Void> loopCancelled(SqlConnection tx, Loop loop) {
        return append(tx, loop.loopId(), EventTypes.LOOP_CANCELLED, LoopCancelled.of(loop), loop.cancelledAt());
    }

    private Uni<Void> append(SqlConnection tx, UUID loopId, String type, Object data, Instant time) {
        String payload;
        try {
            payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot serialize " + type, e));
        }
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {UUID.randomUUID(), EventTypes.AGGREGATE_TYPE, loopId.toString(), type,
                        payload, OffsetDateTime.ofInstant(time, ZoneOffset.UTC)}))
                .replaceWithVoid();
    }
}
