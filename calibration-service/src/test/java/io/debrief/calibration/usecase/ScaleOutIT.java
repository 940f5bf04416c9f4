package io.debrief.calibration.usecase;

import static io.debrief.calibration.Events.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.debrief.calibration.Events;
import io.debrief.calibration.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.debrief.calibration.LoopKeyService;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: a second member of the {@code calibration-service} consumer group, created here, processes its share of
 * the partitions with the same processor (engine, store, publisher) as the service's own consumer; and two
 * "instances" processing the same loop at the same time (as during a rebalance) take turns on the loop's row lock.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class ScaleOutIT {

    @Inject
    ApplyScorecardEvents processor;

    @Inject
    ObjectMapper json;

    private int process(List<ConsumerRecord<String, String>> records) throws Exception {
        return Batches.process(processor, json, records);
    }

    @Test
    void twoInstancesInOneConsumerGroupSharePartitionsAndDecideEveryLoopExactlyOnce() throws Exception {
        Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
        AtomicInteger processedHere = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread secondInstance = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Events.bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "calibration-service",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("scorecard-events"), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        assigned.removeAll(partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        assigned.addAll(partitions);
                    }
                });
                while (running.get()) {
                    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                    consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
                    processedHere.addAndGet(process(batch)); // each poll as one batch, as the service does
                    try {
                        consumer.commitSync();
                    } catch (org.apache.kafka.common.KafkaException rebalancing) {
                        // partitions moved meanwhile: their new owner processes those records again, idempotently
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "second-calibration-instance");
        secondInstance.start();
        try {
            await().atMost(Events.EVENTUALLY).until(() -> !assigned.isEmpty());
            assertThat(assigned.size()).as("the second member shares the 6 partitions").isLessThan(6);

            // two loops on every partition: some are the second member's, some the service's own consumer's
            List<String> loops = Events.loopIdsOnEveryPartition(Events.newLoopId() + "-", 2);
            try (Events events = new Events()) {
                for (String loopId : loops) {
                    events.opened(loopId, "MID", "alice", "bob");
                }
                for (String loopId : loops) {
                    events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 4), "YES");
                }
                for (String loopId : loops) {
                    events.scorecard(loopId, "bob", 1, scores(4, 3, 3, 3, 3), "YES");
                }
            }
            for (String loopId : loops) {
                await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asAdmin().get("/api/calibrations/" + loopId)
                        .then().statusCode(200).body("status", is("DECIDED")).body("outcome", is("HIRE")));
                assertThat(Api.asAdmin().get("/api/calibrations/" + loopId + "/decisions").then().extract()
                        .jsonPath().getList("decisionVersion", Integer.class)).containsExactly(1);
                assertThat(Api.asAdmin().get("/api/calibrations/" + loopId).then().extract().jsonPath()
                        .getList("areas.CI_CD.scores")).containsExactly(4);
            }
            assertThat(processedHere.get()).as("records processed by the second member").isPositive();
            assertThat(failures).isEmpty();
        } finally {
            running.set(false);
            secondInstance.join(30_000);
        }
    }

    @Test
    void concurrentProcessingOfOneLoopByTwoInstancesNeitherFailsNorDoublesAnything() throws Exception {
        String loopId = Events.newLoopId();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (Events events = new Events()) {
            for (ProducerRecord<String, String> sent : List.of(
                    events.opened(loopId, "SENIOR", "alice", "bob", "carol"),
                    events.scorecard(loopId, "alice", 1, scores(0, 5, 5, 5, 4), "YES"),
                    events.scorecard(loopId, "bob", 1, scores(4, 4, 4, 4), "YES"),
                    events.scorecard(loopId, "carol", 1, scores(7, 4), "STRONG_YES"))) {
                records.add(asConsumed(sent));
            }
        }
        // the service's own consumer processes these records too; four more "instances" replay them all at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boolean asOneBatch = i % 2 == 0; // two replay the records as one batch, two one at a time
                runs.add(pool.submit(() -> {
                    start.await();
                    if (asOneBatch) {
                        process(records);
                    } else {
                        for (ConsumerRecord<String, String> record : records) {
                            process(List.of(record));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS); // throws if any processing failed
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Events.EVENTUALLY).untilAsserted(() -> Api.asAdmin().get("/api/calibrations/" + loopId)
                .then().statusCode(200).body("status", is("DECIDED")));
        var calibration = Api.asAdmin().get("/api/calibrations/" + loopId).then().extract().jsonPath();
        assertThat(calibration.getString("outcome")).isEqualTo("HIRE");
        assertThat(calibration.getList("submitted")).containsExactly("alice", "bob", "carol");
        assertThat(calibration.getList("areas.CONTAINERIZATION.scores")).containsExactly(5);
        assertThat(Api.asAdmin().get("/api/calibrations/" + loopId + "/decisions").then().extract()
                .jsonPath().getList("decisionVersion", Integer.class)).containsExactly(1);
    }

    private static ConsumerRecord<String, String> asConsumed(ProducerRecord<String, String> sent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h.key(), h.value()));
        return record;
    }
}
