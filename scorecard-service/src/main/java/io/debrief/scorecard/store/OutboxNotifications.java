package io.debrief.scorecard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * PostgreSQL's {@code NOTIFY}/{@code LISTEN} on channel {@value #CHANNEL}: how one instance tells the relays of the
 * others that it committed outbox rows.
 */
@ApplicationScoped
public class OutboxNotifications {

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);
    public static final String CHANNEL = "outbox_event";
    /** Longest single wait of a listener, so that it notices it should stop. */
    static final int LISTEN_WAIT_MILLIS = 500;

    private final Pool pool;
    private final DataSource dataSource;

    public OutboxNotifications(Pool pool, DataSource dataSource) {
        this.pool = pool;
        this.dataSource = dataSource;
    }

    /** One {@code NOTIFY}, in a transaction of its own. */
    public Uni<Void> notifyRelays() {
        return pool.query("NOTIFY " + CHANNEL).execute().replaceWithVoid();
    }

    /** A listener to run on a thread of its own: {@code onNotify} runs for each notification and after (re)connecting. */
    public Listener listener(Runnable onNotify, Duration maxBackoff) {
        return new Listener(onNotify, maxBackoff);
    }

    /**
     * LISTENs on the channel until {@link #stop()}. It waits at most {@link #LISTEN_WAIT_MILLIS} at a time so that it
     * notices the stop; after (re)connecting it calls {@code onNotify} once, since a notification sent while it was not
     * listening is lost.
     */
    public final class Listener implements Runnable {
        private final Runnable onNotify;
        private final Duration maxBackoff;
        private volatile boolean running = true;

        private Listener(Runnable onNotify, Duration maxBackoff) {
            this.onNotify = onNotify;
            this.maxBackoff = maxBackoff;
        }

        public void stop() {
            running = false;
        }

        public long stopWithinMillis() {
            return LISTEN_WAIT_MILLIS * 4L;
        }

        @Override
        public void run() {
            Connection connection = null;
            long backoff = 0;
            while (running) {
                try {
                    if (backoff > 0) {
                        Thread.sleep(backoff);
                    }
                    if (connection == null) {
                        connection = dataSource.getConnection();
                        connection.setAutoCommit(true);
                        try (Statement listen = connection.createStatement()) {
                            listen.execute("LISTEN " + CHANNEL);
                        }
                        onNotify.run();
                    }
                    PGNotification[] notifications = connection.unwrap(PGConnection.class)
                            .getNotifications(LISTEN_WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        onNotify.run();
                    }
                    backoff = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (SQLException e) {
                    if (!running) {
                        break;
                    }
                    backoff = Math.min(Math.max(100, backoff * 2), maxBackoff.toMillis());
                    LOG.debugf("outbox LISTEN connection failed, reconnecting in %d ms: %s", backoff, e.toString());
                    close(connection);
                    connection = null;
                }
            }
            close(connection);
        }
    }

    private static void close(Connection listener) {
        if (listener == null) {
            return;
        }
        try (Statement unlisten = listener.createStatement()) {
            unlisten.execute("UNLISTEN *"); // the connection goes back to the pool
        } catch (SQLException e) {
            LOG.debug("UNLISTEN failed", e);
        }
        try {
            listener.close();
        } catch (SQLException e) {
            LOG.debug("closing the LISTEN connection", e);
        }
    }
}
