package io.debrief.notification.store;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.debrief.notification.domain.IncomingEvent;
import io.debrief.notification.domain.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Events other than decisions (overdue reminders, final decisions, erasures), once per CloudEvents id. */
@ApplicationScoped
public class EventStore {

    static final String COLUMNS = "seq, ce_id, type, loop_id, payload::text AS payload, occurred_at";

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** The latest final decision of each of these loops that has one, by loop id. */
    public Uni<Map<String, StoredEvent>> finalDecisions(Collection<String> loopIds) {
        if (loopIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT DISTINCT ON (loop_id) " + COLUMNS + " FROM event"
                        + " WHERE type = 'hiring.decision.finalized' AND loop_id = ANY($1) ORDER BY loop_id, seq DESC")
                .execute(Tuple.of(loopIds.stream().distinct().toArray(String[]::new)))
                .map(rows -> {
                    Map<String, StoredEvent> finals = new LinkedHashMap<>();
                    rows.forEach(row -> {
                        StoredEvent event = Rows.event(row, "");
                        finals.put(event.loopId(), event);
                    });
                    return finals;
                });
    }

    /** Inserts the events not stored yet with one statement; yields the newly stored ones. */
    public Uni<List<StoredEvent>> insertNew(SqlConnection transaction, List<IncomingEvent> events) {
        int n = events.size();
        String[] ceIds = new String[n];
        String[] types = new String[n];
        String[] loopIds = new String[n];
        String[] interviewers = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] traceparents = new String[n];
        String[] tracestates = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingEvent event = events.get(i);
            ceIds[i] = event.ceId();
            types[i] = event.type().wireName();
            loopIds[i] = event.loopId();
            interviewers[i] = event.interviewerId();
            payloads[i] = event.json();
            times[i] = event.occurredAt().atOffset(ZoneOffset.UTC);
            traceparents[i] = event.trace().traceparent();
            tracestates[i] = event.trace().tracestate();
        }
        return transaction.preparedQuery("INSERT INTO event (ce_id, type, loop_id, interviewer_id, payload, occurred_at,"
                        + " traceparent, tracestate)"
                        + " SELECT t.ce_id, t.type, t.loop_id, t.interviewer_id, CAST(t.payload AS jsonb), t.occurred_at,"
                        + " t.traceparent, t.tracestate"
                        + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],"
                        + " $7::text[], $8::text[])"
                        + " WITH ORDINALITY AS t (ce_id, type, loop_id, interviewer_id, payload, occurred_at, traceparent,"
                        + " tracestate, position)"
                        + " ORDER BY t.position"
                        + " ON CONFLICT (ce_id) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.from(List.<Object>of(ceIds, types, loopIds, interviewers, payloads, times,
                        traceparents, tracestates)))
                .map(rows -> {
                    List<StoredEvent> stored = new ArrayList<>();
                    rows.forEach(row -> stored.add(Rows.event(row, "")));
                    return stored;
                });
    }

    /** A new delivery: one event to one subscription. */
    public record NewDelivery(String webhookId, long eventSeq, UUID subscriptionId, String type, String eventId) {
    }

    /** Queues the deliveries with one statement, each first due after {@code firstDelay}; yields how many. */
    public Uni<Integer> enqueue(SqlConnection transaction, List<NewDelivery> deliveries, Duration firstDelay) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = deliveries.size();
        String[] webhookIds = new String[n];
        Long[] seqs = new Long[n];
        UUID[] subscriptions = new UUID[n];
        String[] types = new String[n];
        String[] eventIds = new String[n];
        for (int i = 0; i < n; i++) {
            NewDelivery delivery = deliveries.get(i);
            webhookIds[i] = delivery.webhookId();
            seqs[i] = delivery.eventSeq();
            subscriptions[i] = delivery.subscriptionId();
            types[i] = delivery.type();
            eventIds[i] = delivery.eventId();
        }
        return transaction.preparedQuery("INSERT INTO delivery (webhook_id, event_seq, subscription_id, event_type, ce_id,"
                        + " status, next_attempt_at)"
                        + " SELECT t.webhook_id, t.seq, t.subscription_id, t.type, t.ce_id, 'PENDING',"
                        + " now() + $6::bigint * interval '1 millisecond'"
                        + " FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY"
                        + "   AS t (webhook_id, seq, subscription_id, type, ce_id, position)"
                        + " JOIN subscription s ON s.id = t.subscription_id"
                        + " ORDER BY t.position"
                        + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(webhookIds, seqs, subscriptions, types, eventIds, firstDelay.toMillis()))
                .map(rows -> rows.rowCount());
    }
}
