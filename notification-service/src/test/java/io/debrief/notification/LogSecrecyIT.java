package io.debrief.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.debrief.notification.support.Api;
import io.debrief.notification.support.Decisions;
import io.debrief.notification.support.Kafka;
import io.debrief.notification.support.ReceivesWebhooks;
import io.debrief.notification.support.WebhookReceiver;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Whatever happens (a decision delivered, retried and given up on, poison records, bad tokens, a session), the
 * service's log never shows a candidate's name, a token or a webhook secret. Debug logging of io.debrief is on in
 * %test, so debug lines are checked too.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class LogSecrecyIT extends ReceivesWebhooks {

    @Test
    void logNeverShowsCandidateNamesTokensOrWebhookSecrets() {
        String name = "Zenobia Quillfeather " + UUID.randomUUID().toString().substring(0, 8);
        String loopId = Kafka.newLoopId("secrecy");
        String poisonLoopId = Kafka.newLoopId("secrecy-poison");
        String validToken = TestIdentity.token("rita", "recruiter");
        String expired = TestIdentity.expiredBearer("rita", "recruiter");
        String forged = TestIdentity.wrongSignatureBearer("rita", "admin");
        Capture log = Capture.install();
        String subscriptionId = null;
        try {
            WebhookReceiver.Endpoint endpoint = receiver.endpoint("secrecy").answer(500, 500, 500, 500);
            var created = Api.asRecruiter().contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("url", receiver.url(endpoint), "outcomes", List.of("NO_HIRE")))
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
            subscriptionId = created.getString("id");
            String secret = created.getString("secret");
            endpoint.secret(secret);

            // a decision naming the candidate: stored, summarised, retried until it fails
            Kafka.publishDecision(loopId, 1,
                    Decisions.json(loopId, 1, "NO_HIRE", "SENIOR").replace("Ada Lovelace", name));
            // poison naming the candidate: not JSON (the parser would quote it), then no decisionVersion
            Kafka.sendDecisionRecord(poisonLoopId, "{\"candidate\":{\"name\":" + name + "}}", poisonLoopId + ":1",
                    "hiring.decision.made.v1");
            Kafka.sendDecisionRecord(poisonLoopId, "{\"loopId\":\"" + poisonLoopId + "\",\"candidate\":{\"name\":\""
                    + name + "\"}}", poisonLoopId + ":2", "hiring.decision.made.v1");
            // tokens that fail and tokens that work, in the header and in the cookie
            given().header("Authorization", expired).get("/api/decisions").then().statusCode(401);
            given().header("Authorization", forged).get("/api/subscriptions").then().statusCode(401);
            given().cookie(Api.SESSION_COOKIE, expired.substring(7)).get("/api/decisions").then().statusCode(401);
            given().header("Authorization", "Bearer " + validToken).post("/api/session").then().statusCode(204);
            given().header("Authorization", forged).post("/api/session").then().statusCode(401);
            given().cookie(Api.SESSION_COOKIE, validToken).get("/api/decisions").then().statusCode(200);

            String sub = subscriptionId;
            await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(sub)).singleElement()
                    .satisfies(delivery -> assertThat(delivery).containsEntry("status", "FAILED")));
            await().atMost(WAIT).untilAsserted(() -> assertThat(Kafka.deadLetters(poisonLoopId, 2))
                    .hasSize(2));
            // the capture works: the poison records' identities and the given-up delivery were logged
            await().atMost(WAIT).untilAsserted(() -> assertThat(log.text())
                    .contains(poisonLoopId + ":1").contains(poisonLoopId + ":2").contains(loopId + ":1"));
            assertThat(Kafka.deadLetters(poisonLoopId, 2))
                    .allSatisfy(record -> assertThat(new String(record.headers().lastHeader("dead-letter-reason")
                            .value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Zenobia"));

            String text = log.text();
            assertThat(text).doesNotContain("Zenobia").doesNotContain("Quillfeather")
                    .doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
                    .doesNotContain(validToken)
                    .doesNotContain(signature(validToken)).doesNotContain(signature(expired))
                    .doesNotContain(signature(forged));
        } finally {
            log.remove();
            if (subscriptionId != null) {
                Api.asRecruiter().delete("/api/subscriptions/{id}", subscriptionId);
            }
        }
    }

    /** The part of a token that nobody else could make up. */
    private static String signature(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    /** Every record logged in this JVM (the service runs in it) while installed, formatted with its stack trace. */
    private static final class Capture extends Handler {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        static Capture install() {
            Capture capture = new Capture();
            capture.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(capture);
            return capture;
        }

        void remove() {
            Logger.getLogger("").removeHandler(this);
        }

        String text() {
            return String.join("\n", lines);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                    : String.valueOf(record.getMessage());
            StringWriter line = new StringWriter().append(record.getLoggerName()).append(' ')
                    .append(String.valueOf(message));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(line));
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
