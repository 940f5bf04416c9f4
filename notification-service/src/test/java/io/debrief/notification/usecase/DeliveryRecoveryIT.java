package io.debrief.notification.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.debrief.notification.store.ClaimedDelivery;
import io.debrief.notification.store.DeliveryStore;
import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.notification.support.WebhookReceiver.Received;
import io.debrief.testsupport.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The queue lives in PostgreSQL: what a previous run (or another instance) left behind is resumed. The rows are
 * written here exactly as a stopped instance leaves them: a pending retry, or an attempt claimed under a lease.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class DeliveryRecoveryIT extends ReceivesWebhooks {

    @Inject
    DeliveryStore deliveries;

    @Test
    void pendingRetryLeftByAStoppedInstanceIsDeliveredAfterRestart() throws Exception {
        Subscribed subscribed = subscribe("resumed");
        String loopId = Kafka.newLoopId("resumed");
        String webhookId = subscribed.webhookId(loopId);
        // attempt 1 failed with a 503 before the instance stopped; attempt 2 was due a moment ago
        leaveBehind(loopId, subscribed.id(), webhookId, 1, 503, null, "now() - interval '1 second'");

        Received received = awaitTheOneWebhookFor(subscribed, loopId);
        assertThat(received.webhookId()).isEqualTo(webhookId);
        assertThat(received.signatureProblem()).isNull();
        assertThat(received.json().at("/data/loopId").asText()).isEqualTo(loopId);
        awaitDeliveredAtTheSecondAttemptAndUnsubscribe(subscribed.id());
    }

    @Test
    void attemptClaimedByAnotherInstanceIsRetriedOnlyAfterItsLeaseExpires() throws Exception {
        Subscribed subscribed = subscribe("leased");
        String loopId = Kafka.newLoopId("leased");
        // another instance claimed attempt 1 and died while sending: its lease runs for 4 more seconds
        Instant leaseEnds = Instant.now().plusSeconds(4);
        leaveBehind(loopId, subscribed.id(), subscribed.webhookId(loopId), 1, null, UUID.randomUUID(),
                "now() + interval '4 seconds'");

        // sent once, and not before the lease ran out
        assertThat(awaitTheOneWebhookFor(subscribed, loopId).at()).isAfter(leaseEnds.minusMillis(500));
        awaitDeliveredAtTheSecondAttemptAndUnsubscribe(subscribed.id());
    }

    @Test
    void concurrentClaimsNeverTakeTheSameDeliveryAndEachIsSentOnce() throws Exception {
        Subscribed subscribed = subscribe("contended");
        WebhookReceiver.Endpoint endpoint = subscribed.endpoint();
        String subscriptionId = subscribed.id();
        String run = Kafka.newLoopId("contended");
        int count = 40;
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String loopId = run + "-" + i;
                leaveBehind(db, loopId, subscriptionId, subscribed.webhookId(loopId), 0, null, null, "now()");
            }
            db.commit();
        }

        // two more "instances" claim at the same time as the service's own dispatcher
        var claims = io.smallrye.mutiny.Uni.combine().all()
                .unis(deliveries.claimDue(15, Duration.ofSeconds(2)), deliveries.claimDue(15, Duration.ofSeconds(2)))
                .asTuple().await().atMost(WAIT);
        java.util.Set<String> both = new java.util.HashSet<>(ids(claims.getItem1(), run));
        both.retainAll(ids(claims.getItem2(), run));
        assertThat(both).isEmpty();

        // the claims above were never sent: they are sent once their lease expires, each exactly once
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).hasSize(count)
                .allSatisfy(delivery -> assertThat(delivery).containsEntry("status", "DELIVERED")));
        assertThat(endpoint.received()).hasSize(count);
        assertThat(endpoint.received()).extracting(Received::webhookId).doesNotHaveDuplicates();
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId).then().statusCode(204);
    }

    /** An endpoint of the receiver with a subscription to insufficient-evidence decisions. */
    private record Subscribed(WebhookReceiver.Endpoint endpoint, String id) {

        /** The webhook-id of the first version of a loop's decision for this subscription. */
        String webhookId(String loopId) {
            return loopId + ":1:" + id;
        }
    }

    private static Subscribed subscribe(String endpointName) {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint(endpointName);
        return new Subscribed(endpoint, Api.subscribe(receiver, endpoint, java.util.List.of("INSUFFICIENT_EVIDENCE"), null));
    }

    private static Received awaitTheOneWebhookFor(Subscribed subscribed, String loopId) {
        await().atMost(WAIT).until(() -> subscribed.endpoint().receivedFor(loopId).size() == 1);
        return subscribed.endpoint().receivedFor(loopId).get(0);
    }

    private static void awaitDeliveredAtTheSecondAttemptAndUnsubscribe(String subscriptionId) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId)).singleElement()
                .satisfies(delivery -> assertThat(delivery)
                        .containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 2)));
        Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId).then().statusCode(204);
    }

    private static java.util.Set<String> ids(java.util.List<ClaimedDelivery> claimed, String run) {
        return claimed.stream().map(ClaimedDelivery::webhookId).filter(id -> id.startsWith(run))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Writes a decision and its delivery as an earlier run left them, bypassing Kafka. */
    private static void leaveBehind(String loopId, String subscriptionId, String webhookId, int attempts,
            Integer lastStatusCode, UUID claimToken, String nextAttemptAt) throws Exception {
        try (Connection db = connect()) {
            leaveBehind(db, loopId, subscriptionId, webhookId, attempts, lastStatusCode, claimToken, nextAttemptAt);
        }
    }

    private static void leaveBehind(Connection db, String loopId, String subscriptionId, String webhookId,
            int attempts, Integer lastStatusCode, UUID claimToken, String nextAttemptAt) throws Exception {
        long seq;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO decision"
                + " (loop_id, decision_version, outcome, level, payload, summary)"
                + " VALUES (?, 1, 'INSUFFICIENT_EVIDENCE', 'MID', CAST(? AS jsonb), 'Insufficient evidence')"
                + " RETURNING seq")) {
            insert.setString(1, loopId);
            insert.setString(2, Decisions.json(loopId, 1, "INSUFFICIENT_EVIDENCE", "MID"));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                seq = rows.getLong(1);
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO delivery"
                + " (webhook_id, decision_seq, subscription_id, status, attempts, last_status_code, claim_token,"
                + "  next_attempt_at)"
                + " VALUES (?, ?, ?, 'PENDING', ?, ?, ?, " + nextAttemptAt + ")")) {
            insert.setString(1, webhookId);
            insert.setLong(2, seq);
            insert.setObject(3, UUID.fromString(subscriptionId));
            insert.setInt(4, attempts);
            insert.setObject(5, lastStatusCode);
            insert.setObject(6, claimToken);
            insert.executeUpdate();
        }
    }

    private static Connection connect() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
