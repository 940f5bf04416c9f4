package io.debrief.scorecard.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.debrief.platform.observability.TracePropagation;
import io.debrief.scorecard.store.OutboxRow;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;

/**
 * Sends a round of outbox rows to Kafka as one transaction: all of them become visible to {@code read_committed}
 * consumers (calibration-service and notification-service read scorecard-events so), or none.
 *
 * <p>Why a transaction and not just an idempotent producer: idempotence keeps the order of what the broker accepts,
 * but a broker that has no state for a producer (a fresh producer id, a restarted broker) accepts its first batch
 * whatever its sequence number. The fault suite caught exactly that after a {@code kill -9} of the broker: a loop's
 * first request (its {@code hiring.loop.opened.v1}) was lost, the next one (its scorecards) was written, and the
 * retry put the opening after them; calibration then saw the scorecards of a loop it did not know yet and computed
 * decision 1 from scores that should have made decision 2. In a transaction a failed send aborts the round, and the
 * rows go out again, whole and in order, in the next one.
 *
 * <p>After a failure the producer is closed without waiting; the next round makes a new one with the same
 * {@code transactional.id}, whose {@code initTransactions} aborts whatever its predecessor left open. Not thread-safe:
 * one relay, one publisher.
 *
 * <p>Each record continues the trace of the write that stored its row: a PRODUCER span {@code <topic> publish}, child
 * of the row's stored {@code traceparent}, is written onto the record and ends with its acknowledgement (nothing while
 * tracing is off).
 */
public final class Publisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Publisher.class);

    /** What a round achieved: every row acknowledged and committed, or none of them and the failure. */
    public record Published(List<OutboxRow> acked, Exception failure) {
    }

    private final Supplier<Producer<String, byte[]>> producers;
    private final String topic;
    private final Duration ackTimeout;
    private final TracePropagation tracing;
    private Producer<String, byte[]> producer;

    /** {@code producers} makes transactional producers, each with this relay's one {@code transactional.id}. */
    public Publisher(Supplier<Producer<String, byte[]>> producers, String topic, Duration ackTimeout,
                     TracePropagation tracing) {
        this.producers = producers;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
        this.tracing = tracing;
    }

    /** A publisher that traces nothing. */
    public Publisher(Supplier<Producer<String, byte[]>> producers, String topic, Duration ackTimeout) {
        this(producers, topic, ackTimeout, new TracePropagation(OpenTelemetry.noop()));
    }

    /** Sends all rows in one transaction, waits for their acknowledgements and commits. */
    public Published publish(List<OutboxRow> rows) {
        try {
            Producer<String, byte[]> p = producer();
            p.beginTransaction();
            awaitAcknowledgements(send(p, rows));
            p.commitTransaction();
            return new Published(rows, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardProducer();
            return new Published(List.of(), e);
        } catch (Exception e) {
            discardProducer();
            return new Published(List.of(), e);
        }
    }

    private List<Future<RecordMetadata>> send(Producer<String, byte[]> p, List<OutboxRow> rows) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        AtomicReference<Exception> refused = new AtomicReference<>();
        for (OutboxRow row : rows) {
            Context parent = tracing.stored(row.traceparent(), row.tracestate());
            Span span = tracing.publishSpan(topic, parent);
            ProducerRecord<String, byte[]> record = CloudEventRecords.of(topic, row);
            tracing.inject(parent.with(span), record.headers());
            try {
                sent.add(p.send(record, (metadata, error) -> {
                    if (error != null) {
                        refused.compareAndSet(null, error);
                        span.setStatus(StatusCode.ERROR);
                        span.recordException(error);
                    }
                    span.end();
                }));
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR);
                span.recordException(e);
                span.end();
                throw e;
            }
            if (refused.get() != null) {
                // e.g. no metadata within max.block.ms (the broker is unreachable): sending more would only block again
                throw refused.get();
            }
        }
        return sent;
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sent)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Future<RecordMetadata> ack : sent) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Producer<String, byte[]> made = producers.get();
            try {
                made.initTransactions();
            } catch (RuntimeException e) {
                made.close(Duration.ZERO);
                throw e;
            }
            producer = made;
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
