package io.debrief.scorecard.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.debrief.scorecard.store.OutboxRow;

/**
 * Sends outbox rows to Kafka and tells which were acknowledged. Sends a whole batch without waiting in between (an
 * idempotent producer with at most 5 in flight keeps their order within the partition a loop id maps to), then waits
 * for every acknowledgement. After a failure the producer is replaced, so the next batch starts with clean sequence
 * numbers. Not thread-safe: one relay, one publisher.
 */
public final class Publisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Publisher.class);

    /** What a batch achieved: the acknowledged rows (per loop a prefix of its rows) and the first failure, if any. */
    public record Published(List<OutboxRow> acked, Exception failure) {
    }

    private final Supplier<Producer<String, byte[]>> producers;
    private final String topic;
    private final Duration ackTimeout;
    private Producer<String, byte[]> producer;

    public Publisher(Supplier<Producer<String, byte[]>> producers, String topic, Duration ackTimeout) {
        this.producers = producers;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Sends all rows, then waits for their acknowledgements. Once one row of a loop fails, its later rows count as not
     * published either.
     */
    public Published publish(List<OutboxRow> rows) {
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
            discardProducer();
        }
        return new Published(acked, failure);
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

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
