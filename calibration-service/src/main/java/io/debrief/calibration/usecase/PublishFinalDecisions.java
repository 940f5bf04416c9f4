package io.debrief.calibration.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.events.CalibrationPublisher;
import io.debrief.calibration.events.FinalDecisionJson;
import io.debrief.calibration.store.CalibrationStore;
import io.debrief.calibration.store.StoredLoop;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The relay of final decisions whose publication did not complete after their commit (broker down, a crash between the
 * commit and the acknowledgement): on start and every {@code debrief.final-decisions.relay-every}, the unpublished rows
 * (locked with SKIP LOCKED, so two instances never send the same row at once) are published with the calibration that
 * carries them, then marked. A record sent twice keeps its {@code ce_id} ({@code {loopId}:final}): consumers dedupe.
 */
@ApplicationScoped
public class PublishFinalDecisions {

    private static final Logger LOG = Logger.getLogger(PublishFinalDecisions.class);
    private static final int ROWS_PER_ROUND = 100;

    private final Pool pool;
    private final CalibrationStore store;
    private final CalibrationPublisher publisher;
    private final ObjectMapper json;

    public PublishFinalDecisions(Pool pool, CalibrationStore store, CalibrationPublisher publisher, ObjectMapper json) {
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.json = json;
    }

    @Scheduled(every = "${debrief.final-decisions.relay-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return publishUnpublished().onFailure().invoke(failure ->
                LOG.warnf("publishing unpublished final decisions failed, retrying later: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes the unpublished final decisions (one round); the number published. */
    public Uni<Integer> publishUnpublished() {
        return pool.withTransaction(tx -> store.unpublishedFinals(tx, ROWS_PER_ROUND).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> sends = new ArrayList<>();
            for (StoredLoop row : rows) {
                FinalDecisionJson decision = FinalDecisionJson.of(row.finalDecision());
                sends.add(publisher.publishFinal(decision.loopId(), write(decision), decision.decidedAt(),
                        row.calibration(), row.loop().state().updatedAt()));
            }
            String[] loopIds = rows.stream().map(row -> row.loop().loopId()).toArray(String[]::new);
            return Uni.join().all(sends).andFailFast()
                    .chain(() -> store.markPublished(tx, loopIds, Instant.now()))
                    .replaceWith(rows.size());
        }));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
