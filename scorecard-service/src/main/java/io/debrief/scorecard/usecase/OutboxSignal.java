package io.debrief.scorecard.usecase;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.debrief.scorecard.config.OutboxConfig;
import io.debrief.scorecard.store.OutboxNotifications;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes outbox relays once a write that added outbox rows has committed: what every write use case does after commit.
 *
 * <p>This instance's relay is woken in-process at once. Relays of other instances get a {@code NOTIFY outbox_event}
 * in a transaction of its own, at most one per {@code debrief.outbox.notify-delay}: every commit before it was sent is
 * visible to the relays it wakes. There is deliberately no NOTIFY inside the write transactions: PostgreSQL serializes
 * the commits of notifying transactions (a database-wide lock held through the commit's WAL flush), which capped
 * ingest well below what the same transactions reach without it.
 *
 * <p>A wake-up lost to a crash right after a commit is covered, as a lost notification always was, by the relays'
 * {@code poll-interval}.
 */
@ApplicationScoped
public class OutboxSignal {

    private static final Logger LOG = Logger.getLogger(OutboxSignal.class);

    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean notifyScheduled = new AtomicBoolean();
    private final OutboxNotifications notifications;
    private final Vertx vertx;
    private final long notifyDelayMillis;

    public OutboxSignal(OutboxNotifications notifications, Vertx vertx, OutboxConfig config) {
        this.notifications = notifications;
        this.vertx = vertx;
        this.notifyDelayMillis = Math.max(1, config.notifyDelay().toMillis());
    }

    /** A write transaction committed: wake this instance's relay now and the other instances' shortly. */
    public void committed() {
        wakeLocal();
        if (notifyScheduled.compareAndSet(false, true)) {
            vertx.setTimer(notifyDelayMillis, timer -> {
                // cleared before sending: a commit from now on schedules a NOTIFY that is sent after it
                notifyScheduled.set(false);
                notifications.notifyRelays().subscribe().with(
                        ignored -> { },
                        error -> LOG.debugf("NOTIFY failed; other instances' relays poll anyway: %s", error));
            });
        }
    }

    /** Wakes this instance's relay (a commit here, a NOTIFY from elsewhere, resume, shutdown). */
    void wakeLocal() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Waits for a wake-up at most {@code millis}; wake-ups that came meanwhile are consumed by this one. */
    void await(long millis) throws InterruptedException {
        wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
        wake.drainPermits();
    }
}
