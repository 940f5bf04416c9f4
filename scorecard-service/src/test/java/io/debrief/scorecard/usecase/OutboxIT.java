package io.debrief.scorecard.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.ScorecardEvents;
import io.debrief.scorecard.config.OutboxConfig;
import io.debrief.scorecard.events.Publisher;
import io.debrief.scorecard.events.Publishers;
import io.debrief.scorecard.store.OutboxNotifications;
import io.debrief.testsupport.LocalStack;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The transactional outbox and its relay: durable while Kafka is away, at least once, in order per loop. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class OutboxIT {

    private static final String OPENED = "hiring.loop.opened.v1";
    private static final String SUBMITTED = "hiring.scorecard.submitted.v1";
    private static final String CANCELLED = "hiring.loop.cancelled.v1";

    @Inject
    DataSource db;

    @Inject
    OutboxRelayWorker relayService;

    @Inject
    Publishers publishers;

    @Inject
    OutboxConfig config;

    @BeforeAll
    static void readEvents() {
        ScorecardEvents.shared();
    }

    @ConfigProperty(name = "debrief.outbox.poll-interval")
    Duration pollInterval;

    @AfterEach
    void resumeRelay() {
        relayService.resume();
    }

    @Test
    void theRelayIsWokenAtCommitNotByItsPoll() {
        // the test profile polls every 60 s; events here must arrive within 30 s, so the commit woke the relay
        assertThat(pollInterval).isGreaterThan(ScorecardEvents.TIMEOUT);
        for (int i = 0; i < 3; i++) {
            String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
            ScorecardEvents.shared().awaitType(loopId, OPENED);
        }
    }

    @Test
    void aRowCommittedByAnotherInstanceIsRelayedWhenItsNotifyArrives() throws Exception {
        // another instance's write: a committed outbox row this instance did not write, then that instance's NOTIFY
        String loopId = UUID.randomUUID().toString();
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(true);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO outbox_event (id, aggregatetype, "
                    + "aggregateid, type, payload, \"timestamp\") VALUES (?, 'loop', ?, ?, ?::jsonb, now())")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, loopId);
                insert.setString(3, CANCELLED);
                insert.setString(4, "{\"loopId\":\"" + loopId + "\",\"cancelledAt\":\"2026-01-01T00:00:00Z\"}");
                insert.executeUpdate();
            }
            try (Statement notify = other.createStatement()) {
                notify.execute("NOTIFY " + OutboxNotifications.CHANNEL);
            }
        }
        // within 30 s with a 60 s poll: the NOTIFY woke this instance's relay
        ScorecardEvents.shared().awaitType(loopId, CANCELLED);
    }

    @Test
    void aCommittedWriteIsAnnouncedToOtherInstancesWithNotify() throws Exception {
        try (Connection otherInstance = db.getConnection()) {
            otherInstance.setAutoCommit(true);
            try (Statement listen = otherInstance.createStatement()) {
                listen.execute("LISTEN " + OutboxNotifications.CHANNEL);
            }
            PGConnection listener = otherInstance.unwrap(PGConnection.class);
            listener.getNotifications(1); // anything announced before this test
            try {
                Api.openLoop("alice", "TECHNICAL_SCREEN");
                AtomicInteger received = new AtomicInteger();
                Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> {
                    PGNotification[] notifications = listener.getNotifications(200);
                    received.addAndGet(notifications == null ? 0 : notifications.length);
                    return received.get() > 0;
                });
            } finally {
                try (Statement unlisten = otherInstance.createStatement()) {
                    unlisten.execute("UNLISTEN *");
                }
            }
        }
    }

    @Test
    void requestsAreAcceptedWhileTheBrokerIsUnreachableAndTheirEventsArriveInOrderLater() throws Exception {
        relayService.pause();
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 2)).statusCode()).isEqualTo(201);
        assertThat(Api.submit(loopId, Api.scorecardBody("bob", 3)).statusCode()).isEqualTo(201);
        assertThat(Api.amend(loopId, "alice", Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(200);
        assertThat(Api.cancel(loopId).statusCode()).isEqualTo(200);
        assertThat(Api.pendingOutboxRows(db, loopId)).isEqualTo(5);

        // another instance whose broker is unreachable: it publishes nothing and loses nothing
        try (RelayOutbox cutOff = relay("127.0.0.1:" + deadPort(),
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500), RelayOutbox.AfterPublish.NOTHING)) {
            assertThatThrownBy(cutOff::drainOnce).isInstanceOf(RelayOutbox.PublishFailure.class);
        }
        assertThat(Api.pendingOutboxRows(db, loopId)).isEqualTo(5);
        assertThat(ScorecardEvents.shared().all(loopId)).isEmpty();

        relayService.resume();

        List<ScorecardEvents.Event> events = ScorecardEvents.shared().await(loopId, e -> e.size() == 5);
        assertThat(events).extracting(ScorecardEvents.Event::type)
                .containsExactly(OPENED, SUBMITTED, SUBMITTED, SUBMITTED, CANCELLED);
        assertThat(events.subList(1, 4)).extracting(e -> e.data().get("interviewerId").asText() + " v"
                + e.data().get("version").asInt()).containsExactly("alice v1", "bob v1", "alice v2");
        Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> Api.pendingOutboxRows(db, loopId) == 0);
    }

    @Test
    void aRelayThatDiesBetweenPublishAndDeleteCausesADuplicateNeverALoss() throws Exception {
        relayService.pause();
        String loopId = Api.openLoop("alice", "TECHNICAL_SCREEN");
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        assertThat(Api.pendingOutboxRows(db, loopId)).isEqualTo(2);

        AtomicBoolean crashed = new AtomicBoolean();
        try (RelayOutbox dying = relay(LocalStack.shared().kafkaBootstrapServers(), Map.of(), rows -> {
            crashed.set(true);
            throw new IllegalStateException("relay died after the broker's ack, before deleting");
        })) {
            assertThatThrownBy(dying::drain).hasMessageContaining("relay died");
        }
        assertThat(crashed).isTrue();
        // published once, and still in the outbox
        ScorecardEvents.shared().await(loopId, e -> e.size() == 2);
        assertThat(Api.pendingOutboxRows(db, loopId)).isEqualTo(2);

        relayService.resume(); // the next run republishes

        Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> Api.pendingOutboxRows(db, loopId) == 0);
        Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> ScorecardEvents.shared().all(loopId).size() >= 4);
        Map<String, Integer> copies = ScorecardEvents.shared().copies(loopId);
        assertThat(copies).hasSize(2).allSatisfy((id, n) -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(ScorecardEvents.shared().all(loopId).subList(0, 4)).extracting(ScorecardEvents.Event::type)
                .containsExactly(OPENED, SUBMITTED, OPENED, SUBMITTED);
        assertThat(ScorecardEvents.shared().types(loopId)).containsExactly(OPENED, SUBMITTED);
    }

    @Test
    void aFailedSendAbortsTheWholeRoundAndEveryRowOfItStays() throws Exception {
        relayService.pause();
        String loopA = Api.openLoop("alice", "TECHNICAL_SCREEN");
        assertThat(Api.submit(loopA, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        String loopB = Api.openLoop("alice", "TECHNICAL_SCREEN", "bob", "SYSTEM_DESIGN");
        assertThat(Api.submit(loopB, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        assertThat(Api.submit(loopB, Api.scorecardBody("bob", 2)).statusCode()).isEqualTo(201);

        // a broker that acknowledges everything of loop A, and loop B's first event but not its second
        Set<String> ours = Set.of(loopA, loopB);
        Map<String, Integer> sent = new ConcurrentHashMap<>();
        MockProducer<String, byte[]> broker = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                int nth = sent.merge(record.key(), 1, Integer::sum);
                if (!ours.contains(record.key()) || (record.key().equals(loopB) && nth == 2)) {
                    return CompletableFuture.failedFuture(new TimeoutException("no acknowledgement"));
                }
                return super.send(record, callback);
            }
        };
        try (RelayOutbox relay = new RelayOutbox(db, new Publisher(() -> broker, ScorecardEvents.TOPIC,
                Duration.ofSeconds(5)), 200, RelayOutbox.AfterPublish.NOTHING)) {
            assertThatThrownBy(relay::drainOnce).isInstanceOf(RelayOutbox.PublishFailure.class);
        }
        assertThat(broker.transactionInitialized()).isTrue();
        assertThat(broker.transactionCommitted()).as("the round's transaction is never committed").isFalse();
        assertThat(broker.history()).as("nothing of the round became visible").isEmpty();
        assertThat(broker.closed()).as("the failed producer is discarded").isTrue();
        assertThat(Api.pendingOutboxRows(db, loopA)).as("rows acknowledged in an aborted round stay").isEqualTo(2);
        assertThat(Api.pendingOutboxRows(db, loopB)).isEqualTo(3);

        relayService.resume();
        List<ScorecardEvents.Event> events = ScorecardEvents.shared().await(loopB, e -> e.size() == 3);
        assertThat(events).extracting(ScorecardEvents.Event::type).containsExactly(OPENED, SUBMITTED, SUBMITTED);
        assertThat(events.subList(1, 3)).extracting(e -> e.data().get("interviewerId").asText())
                .containsExactly("alice", "bob");
        assertThat(ScorecardEvents.shared().await(loopA, e -> e.size() == 2)).extracting(ScorecardEvents.Event::type)
                .containsExactly(OPENED, SUBMITTED);
        Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> Api.pendingOutboxRows(db, loopB) == 0);
    }

    @Test
    void eachLoopKeepsItsOrderUnderConcurrentSubmissionsAndSeveralRelays() throws Exception {
        int interviewers = 10;
        int loops = 3;
        // two more relays play two more service instances competing for the same outbox
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<?>> relays = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            relays.add(instances.submit(() -> {
                try (RelayOutbox other = relay(LocalStack.shared().kafkaBootstrapServers(), Map.of(),
                        RelayOutbox.AfterPublish.NOTHING)) {
                    while (!stop.get()) {
                        other.drain();
                        Thread.sleep(5);
                    }
                }
                return null;
            }));
        }
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<String> loopIds = new ArrayList<>();
            List<Callable<Void>> work = new ArrayList<>();
            for (int l = 0; l < loops; l++) {
                String[] seats = new String[interviewers * 2];
                for (int i = 0; i < interviewers; i++) {
                    seats[2 * i] = "interviewer-" + i;
                    seats[2 * i + 1] = "TECHNICAL_DEEP_DIVE";
                }
                String loopId = Api.openLoop(seats);
                loopIds.add(loopId);
                for (int i = 0; i < interviewers; i++) {
                    String who = "interviewer-" + i;
                    work.add(() -> {
                        assertThat(Api.submit(loopId, Api.scorecardBody(who, 1)).statusCode()).isEqualTo(201);
                        assertThat(Api.amend(loopId, who, Api.scorecardBody(who, 2)).statusCode()).isEqualTo(200);
                        assertThat(Api.amend(loopId, who, Api.scorecardBody(who, 3)).statusCode()).isEqualTo(200);
                        return null;
                    });
                }
            }
            for (Future<Void> f : clients.invokeAll(work)) {
                f.get();
            }
            int expected = 1 + interviewers * 3;
            for (String loopId : loopIds) {
                List<ScorecardEvents.Event> events = ScorecardEvents.shared().await(loopId, e -> e.size() == expected);
                assertThat(events.get(0).type()).isEqualTo(OPENED);
                assertThat(events).extracting(ScorecardEvents.Event::partition).containsOnly(events.get(0).partition());
                Map<String, List<Integer>> versions = new HashMap<>();
                for (ScorecardEvents.Event e : events.subList(1, events.size())) {
                    assertThat(e.type()).isEqualTo(SUBMITTED);
                    versions.computeIfAbsent(e.data().get("interviewerId").asText(), k -> new ArrayList<>())
                            .add(e.data().get("version").asInt());
                    assertThat(e.data().get("scores").get("CI_CD").asInt()).isEqualTo(e.data().get("version").asInt());
                }
                assertThat(versions).hasSize(interviewers).allSatisfy((who, v) -> assertThat(v).containsExactly(1, 2, 3));
            }
        } finally {
            clients.shutdownNow();
            stop.set(true);
            for (Future<?> relay : relays) {
                relay.get(); // rethrows a relay failure
            }
            instances.shutdownNow();
        }
    }

    /** A relay of another instance: this service's database, the given broker. */
    private RelayOutbox relay(String bootstrap, Map<String, Object> producerOverrides,
                              RelayOutbox.AfterPublish afterPublish) {
        return new RelayOutbox(db, publishers.publisher(bootstrap, config.topic(), producerOverrides), config.batchSize(),
                afterPublish);
    }

    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // free once closed: nothing listens there
        }
    }
}
