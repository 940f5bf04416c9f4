package io.debrief.scorecard.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debrief.scorecard.domain.Area;
import io.debrief.scorecard.domain.AuditAction;
import io.debrief.scorecard.domain.AuditEntry;
import io.debrief.scorecard.domain.DecisionFacts;
import io.debrief.scorecard.domain.GreenFlag;
import io.debrief.scorecard.domain.Recommendation;
import io.debrief.scorecard.domain.RedFlag;
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

    private final Pool pool;
    private final ObjectMapper mapper;

    public AuditStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
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
                .execute(tuple(entry, facts == null ? null : json(facts)))
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
                        : Optional.of(read(rows.iterator().next().getString(0), new TypeReference<DecisionFacts>() { })));
    }

    /** The content of one stored scorecard version (for an amendment's comparison), if it exists. */
    public Uni<Optional<ScorecardContent>> scorecardVersion(SqlClient tx, UUID loopId, String interviewerId,
                                                           int version) {
        return tx.preparedQuery("SELECT scores::text, evidence::text, red_flags::text, green_flags::text, "
                        + "recommendation, notes FROM scorecard_version "
                        + "WHERE loop_id = $1 AND interviewer_id = $2 AND version = $3")
                .execute(Tuple.of(loopId, interviewerId, version))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.<ScorecardContent>empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new ScorecardContent(
                            enumMap(read(row.getString(0), new TypeReference<Map<Area, Integer>>() { })),
                            enumMap(read(row.getString(1), new TypeReference<Map<Area, String>>() { })),
                            read(row.getString(2), new TypeReference<List<RedFlag>>() { }),
                            read(row.getString(3), new TypeReference<List<GreenFlag>>() { }),
                            Recommendation.valueOf(row.getString(4)), row.getString(5)));
                });
    }

    private static String insert(String onConflict) {
        return "INSERT INTO audit_entry (loop_id, entry_key, action, actor, at, interviewer_id, version, changes, "
                + "free_text_changed, facts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, "
                + "$10::text::jsonb)" + onConflict;
    }

    private Tuple tuple(AuditEntry e, String facts) {
        return Tuple.from(new Object[] {e.loopId(), e.key(), e.action().name(), e.by(),
                OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.interviewerId(), e.version(), json(e.changes()),
                json(e.freeTextChanged()), facts});
    }

    private AuditEntry entry(Row row) {
        return new AuditEntry(row.getUUID(0), row.getString(1), AuditAction.valueOf(row.getString(2)),
                row.getString(3), instant(row.getOffsetDateTime(4)), row.getString(5), row.getInteger(6),
                read(row.getString(7), CHANGES), read(row.getString(8), NAMES));
    }

    private static <V> EnumMap<Area, V> enumMap(Map<Area, V> source) {
        EnumMap<Area, V> map = new EnumMap<>(Area.class);
        if (source != null) {
            map.putAll(source);
        }
        return map;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit JSON unreadable", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
