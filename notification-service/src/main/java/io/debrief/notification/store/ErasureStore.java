package io.debrief.notification.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a candidate's erasure changes in this database, inside the transaction that records the erasure event: the
 * loops are remembered as erased, and the personal text still stored for them is set to null (candidate names of
 * decisions, plain from before encryption or sealed; final-decision reasons; delivery-log error texts). Decision
 * facts, versions, checks and delivery statuses stay. Every statement is idempotent.
 */
@ApplicationScoped
public class ErasureStore {

    /** A stored decision of an erased loop: its JSON and summary as they are now. */
    public record StoredText(long seq, String json) {
        @Override
        public String toString() {
            return "StoredText[seq=" + seq + "]"; // the JSON may name the candidate
        }
    }

    /** Remembers the loops as erased (the first erasure of a loop is kept). */
    public Uni<Void> remember(SqlConnection transaction, String candidateId, List<String> loopIds, Instant erasedAt) {
        return transaction.preparedQuery("INSERT INTO erased_loop (loop_id, candidate_id, erased_at)"
                        + " SELECT loop_id, $2, $3 FROM unnest($1::text[]) AS t (loop_id)"
                        + " ON CONFLICT (loop_id) DO NOTHING")
                .execute(Tuple.of(loopIds.toArray(String[]::new), candidateId, erasedAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** The stored decisions of these loops that still carry a candidate name, locked for the update. */
    public Uni<List<StoredText>> namedDecisions(SqlConnection transaction, List<String> loopIds) {
        return transaction.preparedQuery("SELECT seq, payload::text AS payload FROM decision"
                        + " WHERE loop_id = ANY($1) AND jsonb_typeof(payload->'candidate'->'name') = 'string'"
                        + " FOR UPDATE")
                .execute(Tuple.of(loopIds.toArray(String[]::new)))
                .map(rows -> {
                    List<StoredText> named = new ArrayList<>();
                    for (Row row : rows) {
                        named.add(new StoredText(row.getLong("seq"), row.getString("payload")));
                    }
                    return named;
                });
    }

    /** Replaces decisions' JSON and summary (the same decisions without the name) with one statement. */
    public Uni<Integer> replaceDecisions(SqlConnection transaction, List<Long> seqs, List<String> payloads,
            List<String> summaries) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return transaction.preparedQuery("UPDATE decision d SET payload = CAST(t.payload AS jsonb), summary = t.summary"
                        + " FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t (seq, payload, summary)"
                        + " WHERE d.seq = t.seq")
                .execute(Tuple.of(seqs.toArray(Long[]::new), payloads.toArray(String[]::new),
                        summaries.toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    /** Sets the reason of these loops' stored final decisions to null. */
    public Uni<Integer> scrubReasons(SqlConnection transaction, List<String> loopIds) {
        return transaction.preparedQuery("UPDATE event SET payload = jsonb_set(payload, '{reason}', 'null'::jsonb)"
                        + " WHERE type = 'hiring.decision.finalized' AND loop_id = ANY($1)"
                        + " AND jsonb_typeof(payload->'reason') = 'string'")
                .execute(Tuple.of(loopIds.toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    /**
     * Clears the error texts of these loops' deliveries. They hold no response body (the sender discards it), but an
     * error text is free text; status, attempts and last status code stay.
     */
    public Uni<Integer> scrubDeliveryErrors(SqlConnection transaction, List<String> loopIds) {
        return transaction.preparedQuery("UPDATE delivery SET last_error = NULL WHERE last_error IS NOT NULL"
                        + " AND (decision_seq IN (SELECT seq FROM decision WHERE loop_id = ANY($1))"
                        + " OR event_seq IN (SELECT seq FROM event WHERE loop_id = ANY($1)))")
                .execute(Tuple.of(loopIds.toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    /** Which of these loops were erased. */
    public Uni<List<String>> erased(SqlConnection transaction, List<String> loopIds) {
        return transaction.preparedQuery("SELECT loop_id FROM erased_loop WHERE loop_id = ANY($1)")
                .execute(Tuple.of(loopIds.toArray(String[]::new)))
                .map(rows -> {
                    List<String> erased = new ArrayList<>();
                    rows.forEach(row -> erased.add(row.getString("loop_id")));
                    return erased;
                });
    }
}
