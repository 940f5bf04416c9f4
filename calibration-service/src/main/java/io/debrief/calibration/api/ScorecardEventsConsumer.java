package io.debrief.calibration.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.ConsumerSettings;
import io.debrief.calibration.domain.LoopEvent;
import io.debrief.calibration.events.PoisonRecordException;
import io.debrief.calibration.events.ScorecardEventParser;
import io.debrief.calibration.observability.PipelineMetrics;
import io.debrief.calibration.usecase.ApplyScorecardEvents;
import io.debrief.platform.events.DeadLetters;
import io.debrief.platform.observability.TracePropagation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code scorecard-events} in batches (what one poll returned, up to {@code max.poll.records}). The channel
 * runs as several consumers of one group ({@code mp.messaging.incoming.scorecard-events.concurrency}), each owning some
 * partitions; each consumer processes its batches one after the other, and a batch is acknowledged (its offsets may be
 * committed) only when its transaction has committed and the broker has acknowledged everything it published. A loop's
 * records share a partition, so they are applied in order.
 * <p>
 * A poison record (one that can never be processed) goes to {@code scorecard-events-dlq} with the reason in the
 * {@code dead-letter-reason} header, and the rest of its batch proceeds. Other failures (database or broker briefly
 * unavailable, a lock conflict during a rebalance) retry the batch with backoff; if it still fails, its events are
 * processed one at a time, each retried with backoff, so that one event that keeps failing is isolated and sent to the
 * DLQ without holding back the others. Only when even the DLQ cannot be written does the batch fail, which stops the
 * channel (failure-strategy=fail) with its records uncommitted: nothing is lost.
 * <p>
 * Traces: one CONSUMER span per batch linked to every record's context, and what the batch publishes for a loop
 * continues the trace of that loop's last record (so a decision continues the trace of the request that completed it).
 */
@ApplicationScoped
public class ScorecardEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ScorecardEventsConsumer.class);

    private final ScorecardEventParser parser;
    private final ApplyScorecardEvents applyEvents;
    private final DeadLetters deadLetters;
    private final TracePropagation tracing;
    private final int batchRetries;
    private final int eventRetries;
    private final Duration firstBackoff;
    private final Map<TopicPartition, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger mostInFlightOnOnePartition = new AtomicInteger();

    public ScorecardEventsConsumer(ObjectMapper json, ApplyScorecardEvents applyEvents, DeadLetters deadLetters,
                                   ConsumerSettings settings, PipelineMetrics metrics, TracePropagation tracing) {
        this.tracing = tracing;
        this.parser = new ScorecardEventParser(json);
        this.applyEvents = applyEvents;
        this.deadLetters = deadLetters.counted(metrics::deadLettered);
        this.batchRetries = settings.batchRetries();
        this.eventRetries = settings.eventRetries();
        this.firstBackoff = settings.firstBackoff();
    }

    @Incoming("scorecard-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Parsed> events = new ArrayList<>(records.count());
        List<Uni<Void>> poison = new ArrayList<>();
        Map<String, Context> traces = new HashMap<>();
        Span batch = tracing.batchSpan("scorecard-events", records);
        for (ConsumerRecord<String, String> record : records) {
            if (record.key() != null) {
                traces.put(record.key(), tracing.extract(record.headers())); // a loop's last record wins
            }
            String type = header(record, "ce_type");
            try {
                events.add(new Parsed(record, parser.parseAll(type, record.value(),
                        Instant.ofEpochMilli(record.timestamp()))));
            } catch (PoisonRecordException e) {
                poison.add(deadLetters.send(record, e));
            }
        }
        List<AtomicInteger> partitions = records.partitions().stream()
                .map(partition -> inFlight.computeIfAbsent(partition, p -> new AtomicInteger())).toList();
        partitions.forEach(count -> mostInFlightOnOnePartition.accumulateAndGet(count.incrementAndGet(), Math::max));
        return Uni.createFrom().deferred(() -> applyEvents.apply(
                        events.stream().flatMap(parsed -> parsed.events().stream()).toList(), traces))
                .onFailure().invoke(failure -> LOG.warnf("processing a batch of %d events failed, retrying: %s",
                        events.size(), failure.toString()))
                .onFailure().retry().withBackOff(firstBackoff, Duration.ofSeconds(5)).atMost(batchRetries)
                .onFailure().recoverWithUni(failure -> oneAtATime(events))
                .chain(() -> poison.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(poison).andFailFast().replaceWithVoid())
                .onTermination().invoke(() -> {
                    partitions.forEach(AtomicInteger::decrementAndGet);
                    batch.end();
                });
    }

    /** After a batch kept failing: each event on its own, so that one that keeps failing goes to the DLQ alone. */
    private Uni<Void> oneAtATime(List<Parsed> events) {
        LOG.warnf("processing the %d events of a failed batch one at a time", events.size());
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(parsed -> Uni.createFrom()
                        .deferred(() -> applyEvents.apply(parsed.events()))
                        .onFailure().retry().withBackOff(firstBackoff, Duration.ofSeconds(10)).atMost(eventRetries)
                        .onFailure().recoverWithUni(failure -> {
                            ConsumerRecord<String, String> record = parsed.record();
                            LOG.errorf("record %s-%d@%d goes to the dead-letter topic: %s", record.topic(),
                                    record.partition(), record.offset(), failure.toString());
                            return deadLetters.send(record, failure);
                        }))
                .collect().last().replaceWithVoid();
    }

    /** The most batches holding records of one partition ever in processing at the same time (1: one after another). */
    public int mostBatchesInFlightOnOnePartition() {
        return mostInFlightOnOnePartition.get();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record and its events (one, or one per loop of an erasure). */
    private record Parsed(ConsumerRecord<String, String> record, List<LoopEvent> events) {
    }
}
