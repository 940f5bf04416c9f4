package io.debrief.notification.usecase;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.debrief.notification.domain.StoredDecision;
import io.debrief.notification.store.DecisionNotifications;
import io.debrief.notification.store.DecisionStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;

/**
 * Follows the decision table and hands every newly committed decision — whichever instance stored it — to this
 * instance's {@link DecisionFeed}, in sequence order, each once. So a stream client connected to any instance sees
 * every decision live, as the one resuming with {@code Last-Event-ID} reads them from the same table.
 *
 * <p>It reads "every decision after the last one handed on" when woken: at once after this instance committed some
 * ({@link RecordDecisions}), when another instance's commit is announced ({@link DecisionNotifications}), when the
 * listener (re)connects, and every second in case an announcement was lost. Sequence order
 * is commit order ({@link DecisionStore#lockSequence}), so reading after the last sequence handed on misses nothing.
 * One read at a time; a wake during a read makes another read after it.
 */
@ApplicationScoped
public class FollowDecisions {

    private static final Logger LOG = Logger.getLogger(FollowDecisions.class);
    private static final int PAGE = 500;
    private static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

    private final DecisionStore store;
    private final DecisionNotifications notifications;
    private final DecisionFeed feed;
    private final Vertx vertx;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    /** The sequence of the last decision handed on; -1 until the start read where the table ends. */
    private volatile long last = -1;
    private PgSubscriber listener;
    private long timer = -1;

    public FollowDecisions(DecisionStore store, DecisionNotifications notifications, DecisionFeed feed, Vertx vertx) {
        this.store = store;
        this.notifications = notifications;
        this.feed = feed;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        listener = notifications.listen(this::wake);
        timer = vertx.setPeriodic(FOLLOW_EVERY.toMillis(), id -> wake());
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (listener != null) {
            notifications.stop(listener);
        }
    }

    /** Reads and hands on what was committed since the last read (now, or right after the read in progress). */
    public void wake() {
        wanted.set(true);
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        wanted.set(false);
        if (last < 0) {
            // live decisions start where the table ends at start-up; older ones are the replay's (Last-Event-ID)
            store.lastSeq().subscribe().with(seq -> {
                last = seq;
                feed.startedAfter(seq);
                done(false);
            }, this::failed);
            return;
        }
        store.after(last, PAGE).subscribe().with(this::handOn, this::failed);
    }

    private void handOn(List<StoredDecision> page) {
        for (StoredDecision decision : page) {
            last = decision.seq();
            feed.publish(decision);
        }
        done(page.size() == PAGE);
    }

    private void failed(Throwable failure) {
        LOG.debugf("reading new decisions failed, trying again within %s: %s", FOLLOW_EVERY, failure.toString());
        reading.set(false);
    }

    private void done(boolean more) {
        reading.set(false);
        if (more || wanted.get()) {
            wake();
        }
    }
}
