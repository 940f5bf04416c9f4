package io.debrief.calibration.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.Fraction;
import io.debrief.calibration.domain.InterviewerContribution;
import io.debrief.calibration.domain.InterviewerTotals;
import io.debrief.calibration.domain.Level;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Interviewer calibration's tables: each decided loop's contributions ({@code interviewer_contribution}) and each
 * interviewer's running totals per scope ({@code interviewer_totals}: ALL and each level). The batch methods take the
 * caller's transaction and are one statement each; totals rows are locked in (interviewer, scope) order, after the
 * loops, so two instances updating the same interviewer take turns and never deadlock.
 */
@ApplicationScoped
public class InterviewerStore {

    /** The scope of an interviewer's totals over every level. */
    public static final String ALL = "ALL";

    private static final TypeReference<Map<Area, String>> DEVIATIONS = new TypeReference<>() {
    };

    private final Pool pool;
    private final JsonColumns json;

    public InterviewerStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = new JsonColumns(json);
    }

    /** One interviewer's totals in one scope (ALL or a level's name). */
    public record Key(String interviewerId, String scope) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byInterviewer = interviewerId.compareTo(other.interviewerId);
            return byInterviewer != 0 ? byInterviewer : scope.compareTo(other.scope);
        }
    }

    /** Totals to write back with the statistics document they give and the value that orders the list. */
    public record Totals(Key key, InterviewerTotals totals, String calibration, BigDecimal deviationOrder) {
    }

    record TotalsJson(int loops, int pairs, String deviation, Map<Area, AreaJson> areas, int agreed,
                      int agreementTotal, List<Long> feedbackSeconds) {
    }

    record AreaJson(int pairs, String deviation) {
    }

    // ---------------------------------------------------------------- inside a batch's transaction

    /** The contributions stored for these loops. */
    public Uni<List<InterviewerContribution>> contributionsOf(SqlConnection tx, String[] loopIds) {
        if (loopIds.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("SELECT loop_id, interviewer_id, level, decided_at, deviations, agreed, feedback_seconds"
                        + " FROM interviewer_contribution WHERE loop_id = ANY($1)")
                .execute(Tuple.of(loopIds)).map(this::contributions);
    }

    /** Locks these totals (creating empty ones for interviewers not known yet) and loads them. */
    public Uni<Map<Key, InterviewerTotals>> lockTotals(SqlConnection tx, List<Key> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Key> sorted = keys.stream().distinct().sorted().toList();
        String[] ids = sorted.stream().map(Key::interviewerId).toArray(String[]::new);
        String[] scopes = sorted.stream().map(Key::scope).toArray(String[]::new);
        return tx.preparedQuery("INSERT INTO interviewer_totals (interviewer_id, scope)"
                        + " SELECT * FROM unnest($1::text[], $2::text[]) ORDER BY 1, 2 ON CONFLICT DO NOTHING")
                .execute(Tuple.of(ids, scopes))
                .chain(() -> tx.preparedQuery("SELECT t.interviewer_id, t.scope, t.totals FROM interviewer_totals t"
                                + " JOIN unnest($1::text[], $2::text[]) AS k (interviewer_id, scope)"
                                + " ON t.interviewer_id = k.interviewer_id AND t.scope = k.scope"
                                + " ORDER BY t.interviewer_id, t.scope FOR UPDATE OF t")
                        .execute(Tuple.of(ids, scopes)))
                .map(rows -> {
                    Map<Key, InterviewerTotals> totals = new TreeMap<>();
                    for (Row row : rows) {
                        String text = row.getString("totals");
                        totals.put(new Key(row.getString("interviewer_id"), row.getString("scope")),
                                text == null ? InterviewerTotals.EMPTY : totals(text));
                    }
                    return totals;
                });
    }

    /** Replaces the contributions of these loops with {@code contributions} and writes the totals back. */
    public Uni<Void> replace(SqlConnection tx, String[] loopIds, List<InterviewerContribution> contributions,
                             List<Totals> totals) {
        Columns added = new Columns(String.class, String.class, String.class, OffsetDateTime.class, String.class,
                Boolean.class, Long.class);
        for (InterviewerContribution c : contributions) {
            added.add(c.loopId(), c.interviewerId(), c.level().name(), CalibrationStore.time(c.decidedAt()),
                    deviations(c.deviations()), c.agreed(), c.feedbackSeconds());
        }
        Columns written = new Columns(String.class, String.class, String.class, String.class, BigDecimal.class);
        for (Totals t : totals) {
            written.add(t.key().interviewerId(), t.key().scope(), json.write(totalsJson(t.totals())), t.calibration(),
                    t.deviationOrder());
        }
        Uni<Void> deleted = loopIds.length == 0 ? Uni.createFrom().voidItem()
                : tx.preparedQuery("DELETE FROM interviewer_contribution WHERE loop_id = ANY($1)")
                        .execute(Tuple.of(loopIds)).replaceWithVoid();
        return deleted
                .chain(() -> execute(tx, "INSERT INTO interviewer_contribution (loop_id, interviewer_id, level,"
                        + " decided_at, deviations, agreed, feedback_seconds) SELECT * FROM unnest($1::text[],"
                        + " $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::bool[], $7::int8[])", added))
                .chain(() -> execute(tx, "UPDATE interviewer_totals SET totals = t.totals, calibration = t.calibration,"
                        + " deviation_order = t.deviation_order FROM unnest($1::text[], $2::text[], $3::text[],"
                        + " $4::text[], $5::numeric[]) AS t (interviewer_id, scope, totals, calibration, deviation_order)"
                        + " WHERE interviewer_totals.interviewer_id = t.interviewer_id"
                        + " AND interviewer_totals.scope = t.scope", written));
    }

    // ---------------------------------------------------------------- reads

    /** The statistics documents of a scope with data, most deviating first (no pairs last), then by interviewer. */
    public Uni<List<String>> calibrations(String scope) {
        return pool.preparedQuery("SELECT calibration FROM interviewer_totals WHERE scope = $1 AND calibration IS NOT NULL"
                        + " ORDER BY deviation_order DESC NULLS LAST, interviewer_id")
                .execute(Tuple.of(scope))
                .map(rows -> {
                    List<String> documents = new ArrayList<>(rows.size());
                    rows.forEach(row -> documents.add(row.getString(0)));
                    return documents;
                });
    }

    public Uni<Optional<String>> calibration(String interviewerId, String scope) {
        return pool.preparedQuery("SELECT calibration FROM interviewer_totals WHERE interviewer_id = $1 AND scope = $2"
                        + " AND calibration IS NOT NULL")
                .execute(Tuple.of(interviewerId, scope))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** The contributions of loops decided at or after {@code since}, of one level and one interviewer if given. */
    public Uni<List<InterviewerContribution>> contributionsSince(Instant since, Level level, String interviewerId) {
        return pool.preparedQuery("SELECT loop_id, interviewer_id, level, decided_at, deviations, agreed, feedback_seconds"
                        + " FROM interviewer_contribution WHERE decided_at >= $1 AND ($2::text IS NULL OR level = $2)"
                        + " AND ($3::text IS NULL OR interviewer_id = $3)")
                .execute(Tuple.of(CalibrationStore.time(since), level == null ? null : level.name(), interviewerId))
                .map(this::contributions);
    }

    // ---------------------------------------------------------------- columns

    private List<InterviewerContribution> contributions(Iterable<Row> rows) {
        List<InterviewerContribution> contributions = new ArrayList<>();
        for (Row row : rows) {
            Map<Area, Fraction> deviations = new EnumMap<>(Area.class);
            json.read(row.getString("deviations"), DEVIATIONS).forEach((area, text) -> deviations.put(area, fraction(text)));
            contributions.add(new InterviewerContribution(row.getString("interviewer_id"), row.getString("loop_id"),
                    Level.valueOf(row.getString("level")), CalibrationStore.instant(row, "decided_at"), deviations,
                    row.getBoolean("agreed"), row.getLong("feedback_seconds")));
        }
        return contributions;
    }

    private String deviations(Map<Area, Fraction> deviations) {
        Map<Area, String> texts = new EnumMap<>(Area.class);
        deviations.forEach((area, value) -> texts.put(area, text(value)));
        return json.write(texts);
    }

    private TotalsJson totalsJson(InterviewerTotals t) {
        Map<Area, AreaJson> areas = new EnumMap<>(Area.class);
        t.areas().forEach((area, total) -> areas.put(area, new AreaJson(total.pairs(), text(total.deviation()))));
        return new TotalsJson(t.loops(), t.pairs(), text(t.deviation()), areas, t.agreed(), t.agreementTotal(),
                t.feedbackSeconds());
    }

    private InterviewerTotals totals(String text) {
        TotalsJson t = json.read(text, new TypeReference<TotalsJson>() {
        });
        Map<Area, InterviewerTotals.AreaTotal> areas = new EnumMap<>(Area.class);
        if (t.areas() != null) {
            t.areas().forEach((area, a) -> areas.put(area, new InterviewerTotals.AreaTotal(a.pairs(), fraction(a.deviation()))));
        }
        return new InterviewerTotals(t.loops(), t.pairs(), fraction(t.deviation()), areas, t.agreed(),
                t.agreementTotal(), t.feedbackSeconds() == null ? List.of() : t.feedbackSeconds());
    }

    private static String text(Fraction value) {
        return value.numerator() + "/" + value.denominator();
    }

    private static Fraction fraction(String text) {
        int slash = text.indexOf('/');
        return Fraction.of(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
    }

    private static Uni<Void> execute(SqlConnection tx, String sql, Columns rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(sql).execute(rows.tuple()).replaceWithVoid();
    }
}
