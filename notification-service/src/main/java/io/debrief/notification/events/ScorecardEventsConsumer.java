package io.debrief.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.debrief.notification.domain.EventType;
import io.debrief.notification.observability.WebhookMetrics;
import io.debrief.platform.events.DeadLetters;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code scorecard-events} in batches, in a consumer group of its own, for two of its event types:
 * {@code hiring.scorecard.overdue.v1} and {@code hiring.candidate.erased.v1}, handed to {@link EventBatches} for the
 * subscriptions of their types. Every other type on the topic (loops opened, scorecards submitted …) is ignored. A
 * record of those two types that is not its event goes to {@code scorecard-events-notification-dlq}.
 */
@ApplicationScoped
public class ScorecardEventsConsumer {

    private final EventBatches batches;
    private final DeadLetters deadLetters;
    private final RecordTraces traces;

    public ScorecardEventsConsumer(EventBatches batches, @ScorecardDeadLetters DeadLetters deadLetters,
                                   WebhookMetrics metrics, RecordTraces traces) {
        this.batches = batches;
        this.deadLetters = deadLetters.counted(metrics::deadLettered);
        this.traces = traces;
    }

    @Incoming("scorecard-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        EventRecords events = new EventRecords(deadLetters, traces);
        for (ConsumerRecord<String, String> record : records) {
            String type = EventRecords.header(record, "ce_type");
            if (EventType.SCORECARD_OVERDUE.ceType().equals(type)) {
                events.add(EventType.SCORECARD_OVERDUE, record);
            } else if (EventType.CANDIDATE_ERASED.ceType().equals(type)) {
                events.add(EventType.CANDIDATE_ERASED, record);
            }
        }
        return events.recordWith(batches);
    }
}
