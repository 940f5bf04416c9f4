package io.debrief.calibration.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.domain.Area;
import io.debrief.calibration.domain.Fraction;
import io.debrief.calibration.domain.InterviewerContribution;
import io.debrief.calibration.domain.InterviewerSums;
import io.debrief.calibration.domain.Level;
import io.debrief.platform.store.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Interviewer calibration's tables: each decided loop's contributions ({@code interviewer_contribution}) and each
 * interviewer's running sums per scope ({@code interviewer_totals}: ALL and each level, as {@link InterviewerSums}).
 * The batch methods take the caller's transaction and are one statement each; a batch adds its differences to the
 * sums without reading them (rows locked in (interviewer, scope) order, after the loops, so two instances updating the
 * same interviewer take turns and never deadlock). Reads derive the statistics from the sums, with the median time to
 * feedback read from the middle of the interviewer's contributions.
 */
@ApplicationScoped
public class InterviewerStore {

    /** The scope of an interviewer's totals over every level. */
    public static final String ALL = "ALL";

    private static final TypeReference<Map<Area, String>> DEVIATIONS = new TypeReference<>() {
    };
    private static final Area[] AREAS = Area.values();
    private static final String CONTRIBUTION_COLUMNS =
            "loop_id, interviewer_id, level, decided_at, deviations, agreed, feedback_seconds";
    /** The sums' columns after interviewer_id and scope, in the order of {@link #sumColumns}. */
    private static final List<String> SUM_COLUMNS = sumColumnNames();
    private static final String UPSERT = upsert();
    /**
     * Where a row of {@code t} stands in its scope's list, ascending: {@link InterviewerSums#listKey}, computed when
     * read. It is not stored: an indexed key would change with nearly every batch, and each of those updates would then
     * be a new row version in every index; without one, a batch's additions are HOT updates (V8).
     */
    private static final String LIST_KEY = "CASE WHEN t.pairs = 0 THEN 1"
            + " ELSE -div(abs(t.deviation)::numeric * 1e35, " + InterviewerSums.SCALE + "::numeric * t.pairs) END";
    /** Whether a row of {@code t} is listed: an interviewer with any data in the scope. */
    private static final String LISTED = "NOT (t.loops = 0 AND t.pairs = 0 AND t.agreement_total = 0 AND t.feedback_total = 0)";

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

    /** An interviewer as listed: the sums, the median time to feedback, and the position in the list. */
    public record Listed(String interviewerId, InterviewerSums sums, Fraction medianFeedbackHours, BigDecimal listKey) {
    }

    // ---------------------------------------------------------------- inside a batch's transaction

    /** Deletes the contributions stored for these loops and returns them. */
    public Uni<List<InterviewerContribution>> removeContributions(SqlConnection tx, String[] loopIds) {
        if (loopIds.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("DELETE FROM interviewer_contribution WHERE loop_id = ANY($1) RETURNING "
                        + CONTRIBUTION_COLUMNS)
                .execute(Tuple.of(loopIds)).map(this::contributions);
    }

    /** Stores these contributions and adds {@code deltas} to the sums (creating the rows not there yet). */
    public Uni<Void> add(SqlConnection tx, List<InterviewerContribution> contributions, Map<Key, InterviewerSums> deltas) {
        Columns added = new Columns(String.class, String.class, String.class, OffsetDateTime.class, String.class,
                Boolean.class, Long.class);
        for (InterviewerContribution c : contributions) {
            added.add(c.loopId(), c.interviewerId(), c.level().name(), CalibrationStore.time(c.decidedAt()),
                    deviations(c.deviations()), c.agreed(), c.feedbackSeconds());
        }
        return execute(tx, "INSERT INTO interviewer_contribution (" + CONTRIBUTION_COLUMNS + ") SELECT * FROM"
                + " unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::bool[], $7::int8[])", added)
                .chain(() -> execute(tx, UPSERT, sumColumns(deltas)));
    }

    // ---------------------------------------------------------------- reads

    /**
     * A page of the list of a scope, most deviating first (no pairs last), then by interviewer: at most {@code limit}
     * interviewers after the position ({@code afterKey}, {@code afterId}), or from the start when it is null.
     */
    public Uni<List<Listed>> page(String scope, BigDecimal afterKey, String afterId, int limit) {
        String after = afterKey == null ? "" : " AND (" + LIST_KEY + ", t.interviewer_id) > ($3, $4)";
        String page = "SELECT t.*, " + LIST_KEY + " AS list_key FROM interviewer_totals t WHERE t.scope = $1 AND " + LISTED
                + after + " ORDER BY list_key, t.interviewer_id LIMIT $2";
        Tuple parameters = afterKey == null ? Tuple.of(scope, limit) : Tuple.of(scope, limit, afterKey, afterId);
        return pool.preparedQuery(listed(scope, page) + " ORDER BY t.list_key, t.interviewer_id").execute(parameters)
                .map(InterviewerStore::listed);
    }

    public Uni<Optional<Listed>> one(String interviewerId, String scope) {
        String row = "SELECT t.*, " + LIST_KEY + " AS list_key FROM interviewer_totals t WHERE t.scope = $1"
                + " AND t.interviewer_id = $2 AND " + LISTED;
        return pool.preparedQuery(listed(scope, row)).execute(Tuple.of(scope, interviewerId))
                .map(rows -> listed(rows).stream().findFirst());
    }

    /** The contributions of loops decided at or after {@code since}, of one level and one interviewer if given. */
    public Uni<List<InterviewerContribution>> contributionsSince(Instant since, Level level, String interviewerId) {
        return pool.preparedQuery("SELECT " + CONTRIBUTION_COLUMNS
                        + " FROM interviewer_contribution WHERE decided_at >= $1 AND ($2::text IS NULL OR level = $2)"
                        + " AND ($3::text IS NULL OR interviewer_id = $3)")
                .execute(Tuple.of(CalibrationStore.time(since), level == null ? null : level.name(), interviewerId))
                .map(this::contributions);
    }

    // ---------------------------------------------------------------- columns

    /**
     * The rows {@code totals} selects (a scope's, with their {@code list_key}) with the middle one or two of each
     * interviewer's feedback times, read only for those rows: an index range of
     * {@code (interviewer_id, level, feedback_seconds)} for a level, and for ALL the ranges of every level merged in
     * order (a Merge Append of one range per level).
     */
    private static String listed(String scope, String totals) {
        String times = ALL.equals(scope)
                ? "SELECT f FROM (" + Arrays.stream(Level.values())
                        .map(level -> "(" + feedbackTimes("'" + level.name() + "'") + " ORDER BY 1)")
                        .collect(Collectors.joining(" UNION ALL ")) + ") AS m ORDER BY f"
                : feedbackTimes("t.scope") + " ORDER BY 1";
        return "SELECT t.interviewer_id, t.list_key, " + prefixed("t.") + ", ARRAY(" + times
                + " OFFSET greatest(t.feedback_total - 1, 0) / 2 LIMIT 2 - t.feedback_total % 2) AS middle"
                + " FROM (" + totals + ") AS t";
    }

    private static String feedbackTimes(String level) {
        return "SELECT c.feedback_seconds AS f FROM interviewer_contribution c WHERE c.interviewer_id = t.interviewer_id"
                + " AND c.level = " + level + " AND c.feedback_seconds IS NOT NULL";
    }

    /** By position, in the order of {@link #listed(String)}'s columns (a lookup by name costs a scan per value). */
    private static List<Listed> listed(RowSet<Row> rows) {
        List<Listed> listed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            int i = 2;
            int loops = row.getInteger(i++);
            int pairs = row.getInteger(i++);
            long deviation = row.getLong(i++);
            Map<Area, InterviewerSums.AreaSum> areas = new EnumMap<>(Area.class);
            for (Area area : AREAS) {
                areas.put(area, new InterviewerSums.AreaSum(row.getInteger(i++), row.getLong(i++)));
            }
            InterviewerSums sums = new InterviewerSums(loops, pairs, deviation, areas, row.getInteger(i++),
                    row.getInteger(i++), row.getInteger(i++), row.getInteger(i++));
            Long[] middle = row.getArrayOfLongs(i);
            listed.add(new Listed(row.getString(0), sums,
                    InterviewerSums.medianHours(middle == null ? List.of() : Arrays.asList(middle)), row.getBigDecimal(1)));
        }
        return listed;
    }

    private static List<String> sumColumnNames() {
        List<String> names = new ArrayList<>(List.of("loops", "pairs", "deviation"));
        for (Area area : AREAS) {
            names.add("pairs_" + column(area));
            names.add("deviation_" + column(area));
        }
        names.addAll(List.of("agreed", "agreement_total", "feedback_total", "within24h"));
        return List.copyOf(names);
    }

    private static String column(Area area) {
        return area.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String prefixed(String prefix) {
        return SUM_COLUMNS.stream().map(name -> prefix + name).collect(Collectors.joining(", "));
    }

    /** Adds each row's differences to the sums, in (interviewer, scope) order (the lock order). */
    private static String upsert() {
        StringBuilder types = new StringBuilder("$1::text[], $2::text[]");
        for (int i = 0; i < SUM_COLUMNS.size(); i++) {
            String name = SUM_COLUMNS.get(i);
            types.append(", $").append(i + 3).append(name.startsWith("deviation") ? "::int8[]" : "::int4[]");
        }
        String set = SUM_COLUMNS.stream().map(name -> name + " = interviewer_totals." + name + " + excluded." + name)
                .collect(Collectors.joining(", "));
        return "INSERT INTO interviewer_totals (interviewer_id, scope, " + String.join(", ", SUM_COLUMNS) + ")"
                + " SELECT * FROM unnest(" + types + ") ORDER BY 1, 2"
                + " ON CONFLICT (interviewer_id, scope) DO UPDATE SET " + set;
    }

    private static Columns sumColumns(Map<Key, InterviewerSums> deltas) {
        Class<?>[] types = new Class<?>[2 + SUM_COLUMNS.size()];
        types[0] = String.class;
        types[1] = String.class;
        for (int i = 0; i < SUM_COLUMNS.size(); i++) {
            types[i + 2] = SUM_COLUMNS.get(i).startsWith("deviation") ? Long.class : Integer.class;
        }
        Columns columns = new Columns(types);
        deltas.forEach((key, d) -> {
            Object[] row = new Object[types.length];
            int i = 0;
            row[i++] = key.interviewerId();
            row[i++] = key.scope();
            row[i++] = d.loops();
            row[i++] = d.pairs();
            row[i++] = d.deviation();
            for (Area area : AREAS) {
                InterviewerSums.AreaSum sum = d.areas().getOrDefault(area, new InterviewerSums.AreaSum(0, 0));
                row[i++] = sum.pairs();
                row[i++] = sum.deviation();
            }
            row[i++] = d.agreed();
            row[i++] = d.agreementTotal();
            row[i++] = d.feedbackTotal();
            row[i] = d.within24h();
            columns.add(row);
        });
        return columns;
    }

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
        deviations.forEach((area, value) -> texts.put(area, value.numerator() + "/" + value.denominator()));
        return json.write(texts);
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
