package io.debrief.scorecard.usecase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.debrief.scorecard.events.Publisher;
import io.debrief.scorecard.store.OutboxRow;
import io.debrief.scorecard.store.PendingEvents;

/**
 * The use case "relay the outbox": moves committed events from {@code outbox_event} to Kafka, at least once and in
 * order per loop.
 *
 * <p>One {@link #drainOnce() round} is one database transaction:
 * <ol>
 * <li>lock the <em>head</em> row (lowest {@code sequence}) of up to {@code batchSize} loops with
 *     {@code FOR UPDATE SKIP LOCKED}, and read up to {@code batchSize} of those loops' pending rows in
 *     {@code sequence} order ({@link PendingEvents#lockHeads});</li>
 * <li>send them all in one Kafka transaction, wait for the acknowledgements and commit it ({@link Publisher});</li>
 * <li>delete the rows and commit. When any send failed, the Kafka transaction is not committed, so no
 *     {@code read_committed} consumer sees any of the round's records, and every row stays for the next round.</li>
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
public final class RelayOutbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayOutbox.class);

    /** Runs after the broker acknowledged rows and before they are deleted: metrics, and the seam for crash tests. */
    @FunctionalInterface
    public interface AfterPublish {
        AfterPublish NOTHING = rows -> { };

        void published(List<OutboxRow> rows) throws Exception;
    }

    /** The round's rows could not be published; they all stay in the outbox. */
    public static final class PublishFailure extends Exception {
        private final int unacknowledged;

        public PublishFailure(String message, Throwable cause, int unacknowledged) {
            super(message, cause);
            this.unacknowledged = unacknowledged;
        }

        /** How many of the round's rows were not published (for the relay's failed-records counter). */
        public int unacknowledged() {
            return unacknowledged;
        }
    }

    private final DataSource dataSource;
    private final Publisher publisher;
    private final int batchSize;
    private final AfterPublish afterPublish;

    public RelayOutbox(DataSource dataSource, Publisher publisher, int batchSize, AfterPublish afterPublish) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.batchSize = batchSize;
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
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                List<OutboxRow> rows = PendingEvents.lockHeads(tx, batchSize);
                if (rows.isEmpty()) {
                    tx.commit();
                    return 0;
                }
                Publisher.Published published = publisher.publish(rows);
                if (!published.acked().isEmpty()) {
                    afterPublish.published(published.acked());
                    PendingEvents.delete(tx, published.acked());
                }
                tx.commit();
                if (published.failure() != null) {
                    throw new PublishFailure("a round of " + rows.size()
                            + " outbox rows was not published; they stay for the next round", published.failure(),
                            rows.size() - published.acked().size());
                }
                return published.acked().size();
            } catch (Exception | Error e) {
                rollbackQuietly(tx);
                throw e;
            }
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
        publisher.close();
    }
}
