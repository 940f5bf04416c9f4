package io.debrief.scorecard.usecase;

import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.debrief.scorecard.config.OutboxConfig;
import io.debrief.scorecard.events.Publishers;
import io.debrief.scorecard.observability.PipelineMetrics;
import io.debrief.scorecard.observability.RelayHealth;
import io.debrief.scorecard.store.OutboxNotifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs this instance's {@link RelayOutbox} on a thread of its own (JDBC and the Kafka producer block; no event loop is
 * involved), from start to shutdown. The thread drains when {@link OutboxSignal} wakes it: at once after a write of
 * this instance commits, and when the LISTEN thread ({@link OutboxNotifications.Listener}) receives another instance's
 * NOTIFY. It also drains every {@code poll-interval} in case a wake-up was missed (e.g. while reconnecting, or after a
 * crash), and backs off after failed rounds. It counts records published, records not published and failed rounds
 * ({@link PipelineMetrics}), and tells readiness how it is doing ({@link RelayHealth}).
 */
@ApplicationScoped
public class OutboxRelayWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final OutboxSignal signal;
    private final Publishers publishers;
    private final OutboxNotifications notifications;
    /** Held for a whole round, so {@link #pause()} returns only after the current round finished. */
    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean paused;
    private volatile boolean running;
    private Thread thread;
    private Thread listenerThread;
    private OutboxNotifications.Listener listener;
    private RelayOutbox relay;
    private final PipelineMetrics metrics;
    private final RelayHealth health;

    public OutboxRelayWorker(DataSource dataSource, OutboxConfig config, OutboxSignal signal, Publishers publishers,
                             OutboxNotifications notifications, PipelineMetrics metrics, RelayHealth health) {
        this.health = health;
        this.dataSource = dataSource;
        this.config = config;
        this.signal = signal;
        this.publishers = publishers;
        this.notifications = notifications;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled in this instance");
            return;
        }
        relay = new RelayOutbox(dataSource, publishers.publisher(), config.batchSize(),
                rows -> metrics.relayPublished(rows.size()));
        running = true;
        health.worker().started();
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        listener = notifications.listener(signal::wakeLocal, config.maxBackoff());
        listenerThread = new Thread(listener, "outbox-listener");
        listenerThread.setDaemon(true);
        listenerThread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false; // interrupting instead would break the producer's close
        if (thread != null) {
            signal.wakeLocal();
            thread.join(config.pollInterval().plusSeconds(5).toMillis());
        }
        if (listener != null) {
            listener.stop();
            listenerThread.join(listener.stopWithinMillis());
        }
    }

    /** Stops publishing after the current round; {@link #resume()} starts again. For operations and tests. */
    public void pause() {
        paused = true;
        round.lock(); // wait for a round in progress
        round.unlock();
    }

    public void resume() {
        paused = false;
        signal.wakeLocal();
    }

    private void run() {
        try {
            relayUntilStopped();
        } finally {
            health.worker().stopped();
        }
    }

    private void relayUntilStopped() {
        long backoff = 0;
        while (running) {
            try {
                if (backoff > 0) {
                    Thread.sleep(backoff);
                }
                if (!paused) {
                    round.lock();
                    try {
                        if (!paused) {
                            health.worker().roundStarted();
                            relay.drain();
                            health.worker().roundSucceeded();
                        }
                    } finally {
                        round.unlock();
                    }
                }
                backoff = 0;
                signal.await(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                health.worker().roundFailed();
                if (!running) {
                    break;
                }
                if (e instanceof RelayOutbox.PublishFailure failure) {
                    metrics.relayFailed(failure.unacknowledged());
                }
                metrics.relayRoundFailed();
                backoff = Math.min(Math.max(100, backoff * 2), config.maxBackoff().toMillis());
                LOG.warnf("outbox relay round failed, retrying in %d ms: %s", backoff, e.toString());
            }
        }
        relay.close();
    }
}
