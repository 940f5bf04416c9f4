package io.debrief.calibration.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code scorecard-events}. The channel runs as several consumers of one group
 * ({@code mp.messaging.incoming.scorecard-events.concurrency}), each owning some partitions; the method returns a Uni,
 * so each consumer processes its records one after the other: a record's transaction and publications finish before
 * the next record of its partitions starts, and the record is acknowledged (its offset may be committed) only then.
 * A loop's records share a partition, so they stay in order; different loops' records proceed in parallel. A poison record fails at once and goes to
 * {@code scorecard-events-dlq} with the reason; other failures (database or broker briefly unavailable, a lock
 * conflict during a rebalance) are retried with backoff before the record is given up to the DLQ.
 */
@ApplicationScoped
public class ScorecardEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ScorecardEventsConsumer.class);
    static final int TRANSIENT_RETRIES = 12;

    private final ScorecardEventProcessor processor;
    private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger mostInFlightOnOnePartition = new AtomicInteger();

    public ScorecardEventsConsumer(ScorecardEventProcessor processor) {
        this.processor = processor;
    }

    @Incoming("scorecard-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        AtomicInteger partitionInFlight = inFlight.computeIfAbsent(record.partition(), partition -> new AtomicInteger());
        mostInFlightOnOnePartition.accumulateAndGet(partitionInFlight.incrementAndGet(), Math::max);
        return Uni.createFrom().deferred(() -> processor.process(type, record.value(), Instant.ofEpochMilli(record.timestamp())))
                .onFailure(failure -> !(failure instanceof PoisonRecordException))
                .invoke(failure -> LOG.warnf("processing %s at %s-%d@%d failed, retrying: %s", type, record.topic(),
                        record.partition(), record.offset(), failure.toString()))
                .onFailure(failure -> !(failure instanceof PoisonRecordException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(TRANSIENT_RETRIES)
                .onFailure().invoke(failure -> LOG.errorf("record %s-%d@%d goes to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), failure.getMessage()))
                .onTermination().invoke(partitionInFlight::decrementAndGet)
                .replaceWithVoid();
    }

    /** The most records of one partition ever in processing at the same time (1: strictly one after another). */
    public int mostRecordsInFlightOnOnePartition() {
        return mostInFlightOnOnePartition.get();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
