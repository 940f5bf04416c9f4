package io.debrief.scorecard.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.debrief.scorecard.testing.Api;
import io.debrief.scorecard.testing.ReadsScorecardEvents;
import io.debrief.scorecard.testing.ScorecardEvents;
import io.debrief.testsupport.LocalStack;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.Ports;
import io.debrief.testsupport.ServiceProcess;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Overdue reminders on the real database and broker, with a cadence of seconds: numbered 1..max for a member who
 * never submits, none after a submission or a cancellation, and each number exactly once while this instance, a
 * concurrent worker and a second, packaged instance that is killed and restarted all claim them.
 */
@QuarkusTest
@TestProfile(RemindersIT.FastReminders.class)
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scorecard"))
class RemindersIT extends ReadsScorecardEvents {

    static final int MAX = 4;
    static final String OVERDUE = "hiring.scorecard.overdue.v1";

    /** Reminder 1 a second after the interview, then one every 2 s, at most {@value #MAX}; checked every second. */
    public static class FastReminders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return cadence();
        }
    }

    static Map<String, String> cadence() {
        return Map.of("debrief.reminders.first-after", "PT1S", "debrief.reminders.every", "PT2S",
                "debrief.reminders.max", String.valueOf(MAX), "debrief.reminders.business-days-only", "false",
                "debrief.reminders.check-every", "1s");
    }

    @Inject
    SendReminders reminders;

    @Inject
    DataSource db;

    @Test
    void aMemberWhoNeverSubmitsGetsRemindersOneToMaxAndNoMore() throws Exception {
        String loopId = Api.openLoop(seats("alice", Instant.now(), "bob", null, "carol", Instant.now().plusSeconds(3600)));
        Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> overdue(loopId).size() == MAX);
        Thread.sleep(3_000); // two more periods: nothing after max
        List<ScorecardEvents.Event> events = overdue(loopId);
        assertThat(events).extracting(e -> e.data().get("interviewerId").asText()).containsOnly("alice");
        assertThat(events).extracting(e -> e.data().get("reminder").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(events).extracting(ScorecardEvents.Event::id).containsExactly(
                IntStream.rangeClosed(1, MAX).mapToObj(n -> loopId + ":alice:overdue:" + n).toArray(String[]::new));
        assertThat(ScorecardEvents.shared().copies(loopId).values()).containsOnly(1);
        ScorecardEvents.Event first = events.get(0);
        assertThat(first.data().get("stage").asText()).isEqualTo("TECHNICAL_SCREEN");
        assertThat(Instant.parse(first.data().get("overdueSince").asText()))
                .isEqualTo(Instant.parse(first.data().get("scheduledEnd").asText()).plusSeconds(1));

        JsonPath loop = JsonPath.from(Api.getLoop(loopId));
        assertThat(loop.getList("panel.overdue")).containsExactly(true, false, false);
        assertThat(loop.getList("panel.reminders")).containsExactly(MAX, 0, 0);
    }

    @Test
    void noReminderAfterASubmissionOrACancellation() throws Exception {
        Instant soon = Instant.now().plusSeconds(2);
        String loopId = Api.openLoop(seats("alice", soon, "bob", Instant.now()));
        assertThat(Api.submit(loopId, Api.scorecardBody("alice", 4)).statusCode()).isEqualTo(201);
        // bob gets his first reminder, then submits: no more
        Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> !overdue(loopId).isEmpty());
        assertThat(Api.submit(loopId, Api.scorecardBody("bob", 4)).statusCode()).isEqualTo(201);
        // a loop's events arrive in commit order: once bob's submission is there, so is every reminder before it
        ScorecardEvents.shared().await(loopId, e -> e.stream().anyMatch(x -> x.type().equals(
                "hiring.scorecard.submitted.v1") && x.data().get("interviewerId").asText().equals("bob")));
        int atSubmission = overdue(loopId).size();
        Thread.sleep(5_000);
        assertThat(overdue(loopId)).hasSize(atSubmission)
                .extracting(e -> e.data().get("interviewerId").asText()).containsOnly("bob");
        assertThat(JsonPath.from(Api.getLoop(loopId)).getList("panel.overdue")).containsExactly(false, false);

        String cancelled = Api.openLoop(seats("carol", Instant.now()));
        Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> !overdue(cancelled).isEmpty());
        assertThat(Api.cancel(cancelled).statusCode()).isEqualTo(200);
        List<String> types = ScorecardEvents.shared().await(cancelled,
                e -> e.stream().anyMatch(x -> x.type().equals("hiring.loop.cancelled.v1"))).stream()
                .map(ScorecardEvents.Event::type).toList();
        Thread.sleep(5_000);
        List<String> after = ScorecardEvents.shared().types(cancelled);
        assertThat(after).isEqualTo(types).endsWith("hiring.loop.cancelled.v1");
        assertThat(JsonPath.from(Api.getLoop(cancelled)).getList("panel.overdue")).containsExactly(false);
    }

    @Test
    void eachNumberIsEmittedOnceByWhicheverInstanceClaimsItAcrossAKillAndARestart() throws Exception {
        LocalStack stack = LocalStack.shared();
        Map<String, String> env = ServiceProcess.environmentOf(stack.quarkusConfig("scorecard"));
        env.putAll(ServiceProcess.environmentOf(TestIdentity.serviceConfig()));
        env.putAll(ServiceProcess.environmentOf(cadence()));
        // the second instance claims reminders but does not relay: every copy on the topic is one emission
        env.put("DEBRIEF_OUTBOX_ENABLED", "false");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path logs = Path.of("target", "second-instance");
        ServiceProcess second = ServiceProcess.start(root, "scorecard-service", Ports.free(), List.of("-Xmx256m"), env,
                logs);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> workerFailure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            while (!stop.get()) {
                try {
                    reminders.sendDue().await().atMost(Duration.ofSeconds(30));
                    Thread.sleep(50);
                } catch (Throwable t) {
                    workerFailure.compareAndSet(null, t);
                    return;
                }
            }
        }, "a-third-reminder-worker");
        try {
            second.awaitReady(Duration.ofSeconds(180));
            worker.start();
            List<String> loopIds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                loopIds.add(Api.openLoop(seats("alice", Instant.now(), "bob", Instant.now())));
            }
            Awaitility.await().atMost(ScorecardEvents.TIMEOUT).until(() -> !overdue(loopIds.get(7)).isEmpty());
            // kill -9 of the second instance in the middle of it all, and a new one in its place
            ProcessHandle.of(second.pid()).ifPresent(ProcessHandle::destroyForcibly);
            second.close();
            second = ServiceProcess.start(root, "scorecard-service", Ports.free(), List.of("-Xmx256m"), env, logs);
            second.awaitReady(Duration.ofSeconds(180));
            for (String loopId : loopIds) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> overdue(loopId).size() == 2 * MAX);
            }
            Thread.sleep(3_000);
            for (String loopId : loopIds) {
                Map<String, Integer> copies = new LinkedHashMap<>();
                overdueCopies(loopId).forEach(id -> copies.merge(id, 1, Integer::sum));
                List<String> expected = new ArrayList<>();
                for (String who : List.of("alice", "bob")) {
                    IntStream.rangeClosed(1, MAX).forEach(n -> expected.add(loopId + ":" + who + ":overdue:" + n));
                }
                assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(copies.values()).as("one emission per number").containsOnly(1);
                assertThat(Api.count(db, "SELECT min(reminders_sent) FROM panel_member WHERE loop_id = '" + loopId
                        + "'")).isEqualTo(MAX);
                assertThat(Api.count(db, "SELECT count(*) FROM panel_member WHERE next_reminder_at IS NOT NULL "
                        + "AND loop_id = '" + loopId + "'")).isZero();
            }
            assertThat(workerFailure.get()).isNull();
        } finally {
            stop.set(true);
            worker.join(30_000);
            second.close();
        }
    }

    /** A loop body whose panel is {@code interviewerId, scheduledEnd} pairs (null: not scheduled). */
    private static Map<String, Object> seats(Object... pairs) {
        Map<String, Object> body = Api.loopBody();
        List<Map<String, Object>> panel = new ArrayList<>();
        String[] stages = {"TECHNICAL_SCREEN", "SYSTEM_DESIGN", "CULTURAL_FIT"};
        for (int i = 0; i < pairs.length; i += 2) {
            Map<String, Object> seat = new LinkedHashMap<>();
            seat.put("interviewerId", pairs[i]);
            seat.put("stage", stages[i / 2]);
            if (pairs[i + 1] != null) {
                seat.put("scheduledEnd", pairs[i + 1].toString());
            }
            panel.add(seat);
        }
        body.put("panel", panel);
        return body;
    }

    /** The loop's distinct overdue events, in order. */
    private static List<ScorecardEvents.Event> overdue(String loopId) {
        return ScorecardEvents.shared().distinct(loopId).stream().filter(e -> e.type().equals(OVERDUE)).toList();
    }

    /** Every overdue record's ce_id, duplicates included. */
    private static List<String> overdueCopies(String loopId) {
        return ScorecardEvents.shared().all(loopId).stream().filter(e -> e.type().equals(OVERDUE))
                .map(ScorecardEvents.Event::id).toList();
    }
}
