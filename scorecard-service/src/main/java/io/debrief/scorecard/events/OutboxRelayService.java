package io.debrief.scorecard.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs this instance's {@link OutboxRelay} on its own thread (JDBC and the Kafka producer block; no event loop is
 * involved). The thread drains when {@link OutboxSignal} wakes it: at once after a write of this instance commits, and
 * when a second thread, which LISTENs on channel {@code outbox_event}, receives another instance's NOTIFY. It also
 * drains every {@code poll-interval} in case a wake-up was missed (e.g. while reconnecting, or after a crash).
 */
@ApplicationScoped
public class OutboxRelayService {

    private static final Logger LOG = Logger.getLogger(OutboxRelayService.class);
    private static final AtomicInteger RELAYS = new AtomicInteger();
    /** Longest single wait of the LISTEN thread, so that it notices shutdown. */
    private static final int LISTEN_WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final RelayConfig config;
    private final OutboxSignal signal;
    private final String bootstrapServers;
    /** Held for a whole round, so {@link #pause()} returns only after the current round finished. */
    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean paused;
    private volatile boolean running;
    private Thread thread;
    private Thread listenerThread;
    private OutboxRelay relay;

    private final Counter published;
    private final Counter failedRounds;

    public OutboxRelayService(DataSource dataSource, RelayConfig config, OutboxSignal signal,
                              @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                              MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.signal = signal;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("scorecard.outbox.published")
                .description("Outbox events acknowledged by Kafka (a republished event counts again)")
                .register(registry);
        this.failedRounds = Counter.builder("scorecard.outbox.failed.rounds")
                .description("Relay rounds that failed and will be retried").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled in this instance");
            return;
        }
        relay = newRelay(bootstrapServers, rows -> published.increment(rows.size()));
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        listenerThread = new Thread(this::listen, "outbox-listener");
        listenerThread.setDaemon(true);
        listenerThread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false; // interrupting instead would break the producer's close
        if (thread != null) {
            signal.wakeLocal();
            thread.join(config.pollInterval().plusSeconds(5).toMillis());
        }
        if (listenerThread != null) {
            listenerThread.join(LISTEN_WAIT_MILLIS * 4);
        }
    }

    /** A relay on this service's database and the given broker; tests build extra ones to play other instances. */
    public OutboxRelay newRelay(String bootstrap, OutboxRelay.AfterPublish afterPublish) {
        return newRelay(bootstrap, Map.of(), afterPublish);
    }

    /** As {@link #newRelay(String, OutboxRelay.AfterPublish)}, with producer settings overridden. */
    public OutboxRelay newRelay(String bootstrap, Map<String, Object> producerOverrides,
                                OutboxRelay.AfterPublish afterPublish) {
        Map<String, Object> producerConfig = producerConfig(bootstrap, config);
        producerConfig.putAll(producerOverrides);
        return new OutboxRelay(dataSource, () -> new KafkaProducer<>(producerConfig), config.topic(),
                config.batchSize(), config.ackTimeout(), afterPublish);
    }

    static Map<String, Object> producerConfig(String bootstrap, RelayConfig config) {
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "scorecard-outbox-relay-" + RELAYS.incrementAndGet());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // with idempotence, up to 5 in-flight requests keep their order within a partition
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a round sends up to batch-size records at once: bigger per-partition batches mean fewer produce requests
        producer.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        long ackMillis = config.ackTimeout().toMillis();
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, ackMillis / 2));
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackMillis);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return producer;
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

    public boolean paused() {
        return paused;
    }

    private void run() {
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
                            relay.drain();
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
                if (!running) {
                    break;
                }
                failedRounds.increment();
                backoff = Math.min(Math.max(100, backoff * 2), config.maxBackoff().toMillis());
                LOG.warnf("outbox relay round failed, retrying in %d ms: %s", backoff, e.toString());
            }
        }
        relay.close();
    }

    /**
     * The LISTEN thread: forwards every NOTIFY on the channel (another instance committed outbox rows) to the relay
     * thread. It waits at most {@link #LISTEN_WAIT_MILLIS} at a time so that it notices shutdown; after (re)connecting
     * it wakes the relay once, since a notification sent while it was not listening is lost.
     */
    private void listen() {
        Connection listener = null;
        long backoff = 0;
        while (running) {
            try {
                if (backoff > 0) {
                    Thread.sleep(backoff);
                }
                if (listener == null) {
                    listener = dataSource.getConnection();
                    listener.setAutoCommit(true);
                    try (Statement listen = listener.createStatement()) {
                        listen.execute("LISTEN " + OutboxSignal.CHANNEL);
                    }
                    signal.wakeLocal();
                }
                PGNotification[] notifications = listener.unwrap(PGConnection.class)
                        .getNotifications(LISTEN_WAIT_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    signal.wakeLocal();
                }
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException e) {
                if (!running) {
                    break;
                }
                backoff = Math.min(Math.max(100, backoff * 2), config.maxBackoff().toMillis());
                LOG.debugf("outbox LISTEN connection failed, reconnecting in %d ms: %s", backoff, e.toString());
                close(listener);
                listener = null;
            }
        }
        close(listener);
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
