package io.debrief.calibration.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.debrief.calibration.domain.CalibrationStatus;
import io.debrief.calibration.domain.Level;
import io.debrief.calibration.domain.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** What the API reads: the stored documents, exactly as they were published. One statement each. */
@ApplicationScoped
public class CalibrationQueries {

    private final Pool pool;

    public CalibrationQueries(Pool pool) {
        this.pool = pool;
    }

    /** The calibration document of an opened loop, or empty. */
    public Uni<Optional<String>> calibration(String loopId) {
        return pool.preparedQuery("SELECT calibration FROM loop WHERE loop_id = $1 AND opened AND calibration IS NOT NULL")
                .execute(Tuple.of(loopId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** Calibration documents of opened loops matching every given filter (null: any), newest change first. */
    public Uni<List<String>> calibrations(CalibrationStatus status, Level level, Outcome outcome) {
        return pool.preparedQuery("SELECT calibration FROM loop WHERE opened AND calibration IS NOT NULL"
                        + " AND ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR level = $2)"
                        + " AND ($3::text IS NULL OR outcome = $3) ORDER BY updated_at DESC, loop_id")
                .execute(Tuple.of(name(status), name(level), name(outcome)))
                .map(rows -> {
                    List<String> documents = new ArrayList<>(rows.size());
                    rows.forEach(row -> documents.add(row.getString(0)));
                    return documents;
                });
    }

    /** Every decision document of an opened loop, oldest version first; empty when the loop is not opened. */
    public Uni<Optional<List<String>>> decisions(String loopId) {
        return pool.preparedQuery("SELECT d.decision FROM loop l LEFT JOIN decision d ON d.loop_id = l.loop_id"
                        + " WHERE l.loop_id = $1 AND l.opened ORDER BY d.version")
                .execute(Tuple.of(loopId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    List<String> documents = new ArrayList<>();
                    for (Row row : rows) {
                        if (row.getString(0) != null) {
                            documents.add(row.getString(0));
                        }
                    }
                    return Optional.of(documents);
                });
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
