package io.debrief.scorecard.events;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Moves committed events from {@code outbox_event} to Kafka: at least once, and in order per loop.
 *
 * <p>One {@link #drainOnce() round} is one database transaction:
 * <ol>
 * <li>lock the <em>head</em> row (lowest {@code sequence}) of up to {@code batchSize} loops with
 *     {@code FOR UPDATE SKIP LOCKED}, and read up to {@code batchSize} of those loops' pending rows in
 *     {@code sequence} order (one index-driven statement, {@link #LOCK_AND_LOAD});</li>
 * <li>send them with an idempotent producer ({@code acks=all}, at most 5 in flight: Kafka keeps their order within
 *     the partition the loop id maps to) without waiting in between, then wait for the whole batch's
 *     acknowledgements;</li>
 * <li>delete the acknowledged rows (one statement) and commit. A row whose acknowledgement failed stays, and so does every later row
 *     of its loop; they go out again in the next round.</li>
 * </ol>
 *
 * <p>Why this is safe with several relays (several instances) at once: a relay only publishes rows of loops whose
 * head row it holds locked, and it holds that lock until the rows are acknowledged and deleted. Another relay sees
 * the same head row (the lowest pending sequence of that loop), fails to lock it and skips the whole loop; it never
 * takes a later row of a loop by itself, which a plain {@code SKIP LOCKED} over rows would do (and so publish a loop's
 * third event while another instance still sends its second). When the holder commits, the next head is the first
 * row it did not publish. Sequence order equals commit order within a loop because every write locks the loop row
 * first ({@code SELECT ... FOR UPDATE} in the store), so a later row of a loop can never become visible before an
 * earlier one.
 *
 * <p>A crash between the acknowledgement and the commit leaves the rows in place: the next round republishes them
 * with the same {@code ce_id}. Consumers see a duplicate, never a gap.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

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
            SELECT r.id, r.sequence, r.aggregateid, r.type, r.payload::text, r."timestamp"
              FROM heads h
             CROSS JOIN LATERAL (SELECT x.id, x.sequence, x.aggregateid, x.type, x.payload, x."timestamp"
                                   FROM outbox_event x
                                  WHERE x.aggregateid = h.aggregateid
                                  ORDER BY x.sequence
                                  LIMIT ?) r
             ORDER BY r.sequence
             LIMIT ?""";
    private static final String DELETE = "DELETE FROM outbox_event WHERE id = ANY(?)";

    /** Runs after the broker acknowledged rows and before they are deleted: the seam for crash tests. */
    @FunctionalInterface
    public interface AfterPublish {
        AfterPublish NOTHING = rows -> { };

        void published(List<OutboxRow> rows) throws Exception;
    }

    /** Some rows could not be published; the acknowledged ones before them were deleted. */
    public static final class PublishFailure extends Exception {
        public PublishFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final String topic;
    private final int batchSize;
    private final Duration ackTimeout;
    private final AfterPublish afterPublish;
    private Producer<String, byte[]> producer;

    public OutboxRelay(DataSource dataSource, Supplier<Producer<String, byte[]>> producers, String topic,
                       int batchSize, Duration ackTimeout, AfterPublish afterPublish) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.topic = topic;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.afterPublish = afterPublish;
    }

    /** Drains until the outbox has nothing this relay may take; returns how many rows it published. */
    public int drain() throws Exception {
        int total = 0;
        int published;
        do {
            published = drainOnce();
            total += published;
        } while (published > 0);
        return total;
    }

    /**
     * One round: publish and delete up to {@code batchSize} rows. Returns the number published.
     *
     * @throws PublishFailure when the broker did not acknowledge some row (they stay for the next round)
     */
    public int drainOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<OutboxRow> rows = lockAndLoad(connection);
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                Published published = publish(rows);
                if (!published.acked().isEmpty()) {
                    afterPublish.published(published.acked());
                    delete(connection, published.acked());
                }
                connection.commit();
                if (published.failure() != null) {
                    throw new PublishFailure(published.acked().size() + " of " + rows.size()
                            + " outbox rows published; the rest stay for the next round", published.failure());
                }
                return published.acked().size();
            } catch (Exception | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    private List<OutboxRow> lockAndLoad(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement load = connection.prepareStatement(LOCK_AND_LOAD)) {
            load.setInt(1, batchSize);
            load.setInt(2, batchSize);
            load.setInt(3, batchSize);
            try (ResultSet rs = load.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return rows;
    }

    private record Published(List<OutboxRow> acked, Exception failure) {
    }

    /**
     * Sends all rows, then waits for their acknowledgements. The acknowledged rows returned are, per loop, a prefix of
     * that loop's rows: once one row of a loop fails, its later rows count as not published either.
     */
    private Published publish(List<OutboxRow> rows) {
        Producer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        AtomicReference<Exception> refused = new AtomicReference<>();
        Exception failure = null;
        for (OutboxRow row : rows) {
            try {
                sent.add(p.send(CloudEventRecords.of(topic, row), (metadata, error) -> {
                    if (error != null) {
                        refused.compareAndSet(null, error);
                    }
                }));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
            if (refused.get() != null) {
                // a send failed already (e.g. no metadata within max.block.ms: the broker is unreachable, and the
                // producer reports that through the future, after blocking): sending more would only block again
                break;
            }
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        Set<String> failedLoops = new HashSet<>();
        List<OutboxRow> acked = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!failedLoops.contains(row.aggregateId())) {
                    acked.add(row);
                }
            } catch (ExecutionException | TimeoutException e) {
                failedLoops.add(row.aggregateId());
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failedLoops.add(row.aggregateId());
                failure = e;
            }
        }
        if (failure != null) {
            discardProducer(); // start the next round with a fresh producer and clean sequence numbers
        }
        return new Published(acked, failure);
    }

    private void delete(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Array ids = connection.createArrayOf("uuid", rows.stream().map(OutboxRow::id).toArray());
            delete.setArray(1, ids);
            delete.executeUpdate();
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing the failed producer", e);
            }
            producer = null;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
