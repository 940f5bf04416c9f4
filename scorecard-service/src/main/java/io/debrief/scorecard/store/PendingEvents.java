package io.debrief.scorecard.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's SQL over {@code outbox_event} (JDBC: the relay runs on a thread of its own, not on an event loop), on a
 * connection whose transaction the caller owns.
 */
public final class PendingEvents {

    /**
     * Locks the head row of up to {@code $1} loops and returns up to {@code $2} of those loops' pending rows in
     * {@code sequence} order, in one statement. A head is a row with no earlier row of its loop: the scan walks the
     * {@code sequence} index from the oldest row and probes {@code (aggregateid, sequence)} for an earlier row, and it
     * stops as soon as it has {@code $1} heads it could lock. Its cost is the rows it passes on the way (the later rows
     * of the loops it takes, and the rows of loops another relay holds), not the size of the outbox. The loops' rows
     * are then read through {@code (aggregateid, sequence)} as well.
     */
    private static final String LOCK_AND_LOAD = """
            WITH heads AS (
                SELECT o.aggregateid FROM outbox_event o
                 WHERE NOT EXISTS (SELECT 1 FROM outbox_event e
                                    WHERE e.aggregateid = o.aggregateid AND e.sequence < o.sequence)
                 ORDER BY o.sequence
                 LIMIT ?
                 FOR UPDATE OF o SKIP LOCKED)
            SELECT r.id, r.aggregateid, r.type, r.payload::text, r."timestamp", r.traceparent, r.tracestate
              FROM heads h
             CROSS JOIN LATERAL (SELECT x.id, x.sequence, x.aggregateid, x.type, x.payload, x."timestamp",
                                        x.traceparent, x.tracestate
                                   FROM outbox_event x
                                  WHERE x.aggregateid = h.aggregateid
                                  ORDER BY x.sequence
                                  LIMIT ?) r
             ORDER BY r.sequence
             LIMIT ?""";
    private static final String DELETE = "DELETE FROM outbox_event WHERE id = ANY(?)";

    private PendingEvents() {
    }

    /** Locks the heads of up to {@code batchSize} loops and reads up to {@code batchSize} of their rows, in order. */
    public static List<OutboxRow> lockHeads(Connection tx, int batchSize) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement load = tx.prepareStatement(LOCK_AND_LOAD)) {
            load.setInt(1, batchSize);
            load.setInt(2, batchSize);
            load.setInt(3, batchSize);
            try (ResultSet rs = load.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    public static void delete(Connection tx, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement delete = tx.prepareStatement(DELETE)) {
            Array ids = tx.createArrayOf("text", rows.stream().map(OutboxRow::id).toArray());
            delete.setArray(1, ids);
            delete.executeUpdate();
        }
    }
}
