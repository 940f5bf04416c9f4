package io.debrief.scorecard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.AuditAction;
import io.debrief.scorecard.domain.AuditEntry;
import io.debrief.scorecard.domain.DecisionFacts;
import io.debrief.scorecard.domain.ScorecardContent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The audit trail in PostgreSQL ({@code audit_entry}, plain SQL): entries are written on the caller's transaction, one
 * per {@code (loop, key)}. It also reads, on that transaction, the scorecard version an amendment follows (its free
 * texts are compared in memory and never stored here) and a loop's previous decision facts.
 */
@ApplicationScoped
public class AuditStore {

    private static final String COLUMNS = "loop_id, entry_key, action, actor, at, interviewer_id, version, "
            + "changes::text, free_text_changed::text";
    private static final TypeReference<List<AuditEntry.Change>> CHANGES = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final TypeReference<DecisionFacts> FACTS = new TypeReference<>() { };

    private final Pool pool;
    private final StoredJson json;

    public AuditStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.json = new StoredJson(mapper);
    }

    /** Records {@code entry} on {@code tx}; a second entry with the same loop and key is a constraint violation. */
    public Uni<Void> append(SqlClient tx, AuditEntry entry) {
        return tx.preparedQuery(insert("")).execute(tuple(entry, null)).replaceWithVoid();
    }

    /**
     * Records {@code entry} (with a decision's {@code facts}, or null) unless its loop already has an entry with its
     * key: a record delivered twice is one entry. Yields whether it was new.
     */
    public Uni<Boolean> appendOnce(SqlClient tx, AuditEntry entry, DecisionFacts facts) {
        return tx.preparedQuery(insert(" ON CONFLICT (loop_id, entry_key) DO NOTHING"))
                .execute(tuple(entry, facts == null ? null : json.write(facts)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A loop's entries, oldest first (by time, then in the order they were recorded). */
    public Uni<List<AuditEntry>> ofLoop(UUID loopId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE loop_id = $1 ORDER BY at, entry_id")
                .execute(Tuple.of(loopId))
                .map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    /** The facts of the loop's latest computed decision before {@code version}, if one was recorded. */
    public Uni<Optional<DecisionFacts>> decisionBefore(SqlClient tx, UUID loopId, int version) {
        return tx.preparedQuery("SELECT facts::text FROM audit_entry WHERE loop_id = $1 AND action = $2 "
                        + "AND version < $3 AND facts IS NOT NULL ORDER BY version DESC LIMIT 1")
                .execute(Tuple.of(loopId, AuditAction.DECISION_MADE.name(), version))
                .map(rows -> rows.rowCount() == 0 ? Optional.<DecisionFacts>empty()
                        : Optional.of(json.read(rows.iterator().next().getString(0), FACTS)));
    }

    /** The content of one stored scorecard version (for an amendment's comparison), if it exists. */
    public Uni<Optional<ScorecardContent>> scorecardVersion(SqlClient tx, UUID loopId, String interviewerId,
                                                           int version) {
        return tx.preparedQuery("SELECT " + StoredJson.CONTENT_COLUMNS + " FROM scorecard_version "
                        + "WHERE loop_id = $1 AND interviewer_id = $2 AND version = $3")
                .execute(Tuple.of(loopId, interviewerId, version))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.<ScorecardContent>empty();
                    }
                    return Optional.of(json.content(rows.iterator().next(), 0));
                });
    }

    private static String insert(String onConflict) {
        return "INSERT INTO audit_entry (loop_id, entry_key, action, actor, at, interviewer_id, version, changes, "
                + "free_text_changed, facts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, "
                + "$10::text::jsonb)" + onConflict;
    }

    private Tuple tuple(AuditEntry e, String facts) {
        return Tuple.from(new Object[] {e.loopId(), e.key(), e.action().name(), e.by(),
                Times.utc(e.at()), e.interviewerId(), e.version(), json.write(e.changes()),
                json.write(e.freeTextChanged()), facts});
    }

    private AuditEntry entry(Row row) {
        return new AuditEntry(row.getUUID(0), row.getString(1), AuditAction.valueOf(row.getString(2)),
                row.getString(3), Times.instant(row.getOffsetDateTime(4)), row.getString(5), row.getInteger(6),
                json.read(row.getString(7), CHANGES), json.read(row.getString(8), NAMES));
    }
}
