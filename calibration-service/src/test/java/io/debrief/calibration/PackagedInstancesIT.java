package io.debrief.calibration;

import static io.debrief.calibration.Events.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.debrief.testsupport.LocalStack;
import io.debrief.testsupport.LocalStackTestResource;
import io.debrief.testsupport.Ports;
import io.debrief.testsupport.ServiceProcess;
import io.debrief.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service ({@code target/quarkus-app}) as real separate processes, on topics and databases of this test
 * alone: two instances in one consumer group share the partitions, one of them stops while the loops are still being
 * amended (its partitions move to the other), and a third instance with an empty database and a new consumer group
 * rebuilds everything from the beginning of the topic. The rebuilt calibrations and decisions must be identical,
 * byte for byte, decision versions included.
 *
 * <p>A {@code @QuarkusTest} only to share the JVM's one {@link LocalStack} (and class loader) with the other ITs.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "calibration"))
@WithTestResource(LoopKeyService.class)
class PackagedInstancesIT {

    private static final Duration READY = Duration.ofSeconds(300);
    private static final Duration EVENTUALLY = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HIRING_MANAGER = TestIdentity.bearer("hank-hiring-manager", "hiring-manager");

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String input = "scorecard-events-" + run;
    private final List<Instance> instances = new ArrayList<>();

    /** One packaged calibration-service process. */
    record Instance(String name, Process process, int port, Path log) {
        /** GET as a hiring manager; anything but 200 is an IllegalStateException. */
        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = send(path, HIRING_MANAGER);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        }

        HttpResponse<String> send(String path, String authorization) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode json(String path) throws IOException, InterruptedException {
            return Events.JSON.readTree(get(path));
        }

        /** The loop's decision version here, 0 while it has none or is not known yet. */
        int decisionVersion(String loopId) throws InterruptedException {
            try {
                return json("/api/calibrations/" + loopId).path("decisionVersion").asInt();
            } catch (IOException | IllegalStateException notYet) {
                return 0;
            }
        }

        void awaitReady() {
            await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
                }
                try {
                    get("/q/health/ready");
                    return true;
                } catch (IOException | IllegalStateException notYet) {
                    return false;
                }
            });
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: Quarkus shuts down gracefully and leaves the consumer group
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        instances.forEach(instance -> instance.process().destroy()); // stop them all at once, then wait
        for (Instance instance : instances) {
            instance.stop();
        }
    }

    private Instance start(String name, String database, String group) throws IOException {
        LocalStack stack = LocalStack.shared();
        Map<String, String> env = ServiceProcess.environmentOf(stack.quarkusConfig(database));
        // two instances migrate and connect at once on two shared, often saturated cores: wait for a connection longer
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "PT60S");
        // trust this JVM's test tokens, as a deployment trusts its identity provider
        env.putAll(ServiceProcess.environmentOf(TestIdentity.serviceConfig()));
        env.put("MP_MESSAGING_INCOMING_SCORECARD_EVENTS_TOPIC", input);
        env.put("MP_MESSAGING_INCOMING_SCORECARD_EVENTS_GROUP_ID", group);
        env.put("MP_MESSAGING_OUTGOING_DEAD_LETTERS_TOPIC", input + "-dlq");
        env.put("MP_MESSAGING_OUTGOING_CALIBRATION_UPDATES_TOPIC", "calibration-updates-" + run);
        env.put("MP_MESSAGING_INCOMING_CALIBRATION_STREAM_TOPIC", "calibration-updates-" + run);
        env.put("MP_MESSAGING_OUTGOING_HIRING_DECISIONS_TOPIC", "hiring-decisions-" + run);
        int port = Ports.free();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged service (mvn package runs before the ITs)").exists();
        Path log = Path.of("target", "instances", run + "-" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Instance instance = new Instance(name, builder.start(), port, log);
        instances.add(instance);
        return instance;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Events.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(input, 6, (short) 1), new NewTopic(input + "-dlq", 6, (short) 1),
                    new NewTopic("calibration-updates-" + run, 6, (short) 1),
                    new NewTopic("hiring-decisions-" + run, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Consumers of the input channel per instance ({@code mp.messaging.incoming.scorecard-events.concurrency}). */
    private static final int CONSUMERS_PER_INSTANCE = 3;

    /** Ready is not yet assigned: wait until every consumer of both instances holds partitions of the input topic. */
    private static void awaitTwoMembersWithPartitions(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Events.bootstrap()))) {
            await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> {
                var description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
                return description.members().size() == 2 * CONSUMERS_PER_INSTANCE && description.members().stream()
                        .allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }

    @Test
    void twoInstancesShareTheWorkSurviveOneStoppingAndAFreshInstanceRebuildsTheSameState() throws Exception {
        createTopics();
        String group = "calibration-service-" + run;
        Instance a = start("a", "cal_a_" + run, group);
        Instance b = start("b", "cal_a_" + run, group);
        a.awaitReady();
        b.awaitReady();

        awaitTwoMembersWithPartitions(group);
        // the packaged (prod) configuration guards the API like the tests' one: no token 401, an interviewer 403
        assertThat(a.send("/api/bars", null).statusCode()).isEqualTo(401);
        assertThat(a.send("/api/bars", TestIdentity.bearer("alice", "interviewer")).statusCode()).isEqualTo(403);

        // three loops on every partition, so that both instances have work
        List<String> loops = Events.loopIdsOnEveryPartition("packaged-" + run + "-", 3);
        Instance[] rebuilding = new Instance[1];
        try (Events events = new Events(input)) {
            for (String loopId : loops) {
                events.opened(loopId, "MID", "alice", "bob");
                events.scorecard(loopId, "alice", 1, scores(0, 4, 4, 4, 4), "YES");
                events.scorecard(loopId, "bob", 1, scores(4, 3, 3, 3, 3), "YES");
            }
            for (String loopId : loops) {
                await().atMost(EVENTUALLY).until(() -> a.decisionVersion(loopId) == 1);
            }
            assertThat(Files.readString(a.log())).as("instance a made decisions").contains(": decision 1 HIRE");
            assertThat(Files.readString(b.log())).as("instance b made decisions").contains(": decision 1 HIRE");

            // the rebuilding instance starts now to save time; it reads the topic from its beginning all the same
            rebuilding[0] = start("rebuild", "cal_r_" + run, "rebuild-" + run);
            b.stop(); // its partitions move to a
            for (String loopId : loops) {
                ProducerRecord<String, String> amendment = events.scorecard(loopId, "bob", 2, scores(4, 3, 3, 3, 2), "NO");
                events.resend(amendment);
            }
            for (String loopId : loops) {
                await().atMost(EVENTUALLY).until(() -> a.decisionVersion(loopId) == 2);
                JsonNode versions = a.json("/api/calibrations/" + loopId + "/decisions");
                assertThat(versions.findValuesAsText("decisionVersion")).containsExactly("1", "2");
                assertThat(versions.get(1).path("outcome").asText()).isEqualTo("NO_HIRE");
            }
        }

        Instance rebuilt = rebuilding[0];
        rebuilt.awaitReady();
        for (String loopId : loops) {
            await().atMost(EVENTUALLY).until(() -> rebuilt.decisionVersion(loopId) == 2);
            assertThat(rebuilt.get("/api/calibrations/" + loopId)).isEqualTo(a.get("/api/calibrations/" + loopId));
            assertThat(rebuilt.get("/api/calibrations/" + loopId + "/decisions"))
                    .isEqualTo(a.get("/api/calibrations/" + loopId + "/decisions"));
        }
        // interviewer calibration, kept incrementally by a and b through the amendments, rebuilt by the replay
        for (String interviewer : List.of("alice", "bob")) {
            await().atMost(EVENTUALLY).until(() -> rebuilt.get("/api/interviewers/" + interviewer)
                    .equals(a.get("/api/interviewers/" + interviewer)));
            JsonNode stats = a.json("/api/interviewers/" + interviewer);
            assertThat(stats.path("recommendationAgreement").path("total").asInt()).isEqualTo(loops.size());
        }
        assertThat(rebuilt.get("/api/interviewers")).isEqualTo(a.get("/api/interviewers"));
        for (Instance instance : List.of(a, b, rebuilt)) {
            assertThat(Files.readString(instance.log())).as("log of " + instance.name())
                    .doesNotContain(Events.CANDIDATE_NAME).doesNotContain(HIRING_MANAGER.substring("Bearer ".length()));
        }
    }
}
