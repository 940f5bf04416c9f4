package io.debrief.calibration.usecase;

import io.debrief.calibration.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.events.PoisonRecordException;
import io.debrief.calibration.domain.LoopEvent;
import io.debrief.calibration.events.ScorecardEventParser;
import io.quarkus.vertx.VertxContextSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Records of {@code scorecard-events} processed the way the service's consumer does: parsed, then as one batch. */
final class Batches {

    private Batches() {
    }

    /** @return how many of the records were events (poison records are left out, as the consumer dead-letters them) */
    static int process(ApplyScorecardEvents processor, ObjectMapper json, List<ConsumerRecord<String, String>> records)
            throws Exception {
        ScorecardEventParser parser = new ScorecardEventParser(json);
        List<LoopEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(parser.parse(Events.header(record, "ce_type"), record.value(),
                        Instant.ofEpochMilli(record.timestamp())));
            } catch (PoisonRecordException poison) {
                // the service's own consumer sends it to the dead-letter topic
            }
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> processor.apply(events));
        } catch (Exception e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return events.size();
    }
}
