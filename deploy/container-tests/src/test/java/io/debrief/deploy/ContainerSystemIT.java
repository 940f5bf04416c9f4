package io.debrief.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system in containers: {@code deploy/kubernetes/run.sh up} builds the images and plays the local overlay
 * with Podman (two replicas of each service behind the gateway, Kafka, PostgreSQL), then a debrief is driven over
 * HTTP on 127.0.0.1, and a second one loses one replica of every service half-way (the pods are killed, SIGKILL, as
 * a node failure would; then started again, as the Deployment would replace them): every scorecard is kept and the
 * loop is decided exactly once. {@code run.sh down} runs whatever happens.
 *
 * <p>Skipped (with the reason) where Podman is not installed or this is not root; {@code DEBRIEF_CONTAINER_TEST=required}
 * (CI) turns a skip into a failure, {@code DEBRIEF_CONTAINER_TEST=skip} skips it on purpose.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerSystemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SCORECARDS = "http://127.0.0.1:8081";
    private static final String CALIBRATIONS = "http://127.0.0.1:8082";
    private static final String NOTIFICATIONS = "http://127.0.0.1:8083";
    private static final Path RUN_DIR = Path.of("target/k8s-run").toAbsolutePath();
    private static final List<String> SERVICES = Repo.SERVICES;

    private static boolean started;
    private static PrivateKey signingKey;
    private static final List<String> loops = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        String mode = System.getenv().getOrDefault("DEBRIEF_CONTAINER_TEST", "");
        skipUnless(!mode.equals("skip"), "DEBRIEF_CONTAINER_TEST=skip");
        skipUnless(onPath("podman"), "podman is not installed (apt-get install -y podman runc debootstrap)");
        skipUnless(onPath("runc") && onPath("debootstrap"), "runc or debootstrap is missing (apt-get install -y podman runc debootstrap)");
        skipUnless("0".equals(run(List.of("id", "-u"), Duration.ofSeconds(10), null).trim()), "Podman runs rootful here and this is not root");
        for (int port : List.of(8081, 8082, 8083, 8404, 9092, 15432)) {
            skipUnless(!listening(port), "127.0.0.1:" + port + " is taken (a local run or containers already up?)");
        }
        Files.createDirectories(RUN_DIR);
        started = true;
        Instant start = Instant.now();
        String out = run(List.of(Repo.KUBERNETES.resolve("run.sh").toString(), "up", "--no-sample"), Duration.ofMinutes(20),
                RUN_DIR.resolve("up.log"));
        Duration took = Duration.between(start, Instant.now());
        System.out.println("[ContainerSystemIT] run.sh up took " + took.toSeconds() + " s (images included)");
        Files.writeString(RUN_DIR.resolve("up-seconds"), took.toSeconds() + "\n");
        assertThat(out).contains("Every replica is ready");
        signingKey = privateKey(RUN_DIR.resolve("keys/private-key.pem"));
    }

    @AfterAll
    static void down() throws Exception {
        if (started) {
            if (loops.size() > 0) {
                // keep what the services logged, for a failed run's report
                for (String service : SERVICES) {
                    for (int i = 0; i < 2; i++) {
                        String pod = service + "-pod-" + i;
                        run(List.of("bash", "-c", ". " + Repo.IMAGES.resolve("podman.sh") + " && pm logs " + pod + "-" + service
                                + " > " + RUN_DIR.resolve(pod + ".log") + " 2>&1 || true"), Duration.ofSeconds(60), null);
                    }
                }
            }
            run(List.of(Repo.KUBERNETES.resolve("run.sh").toString(), "down"), Duration.ofMinutes(3), RUN_DIR.resolve("down.log"));
            started = false;
        }
    }

    private static void skipUnless(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if ("required".equals(System.getenv("DEBRIEF_CONTAINER_TEST"))) {
            throw new AssertionError("the container system test is required (DEBRIEF_CONTAINER_TEST=required) but: " + reason);
        }
        System.out.println("[ContainerSystemIT] skipped: " + reason);
        Assumptions.assumeTrue(false, reason);
    }

    @Test
    @Order(1)
    void aWholeDebriefIsDecidedThroughTheContainers() throws Exception {
        Instant start = Instant.now();
        String loop = openLoop(List.of("alice", "bob", "carol"));
        submit(loop, "alice", "{\"interviewerId\":\"alice\",\"scores\":{\"CONTAINERIZATION\":4,\"ORCHESTRATION\":4,\"CI_CD\":4,\"ML_TOOLS\":3},\"greenFlags\":[\"PRODUCTION_EXPERIENCE\"],\"recommendation\":\"YES\"}");
        submit(loop, "bob", "{\"interviewerId\":\"bob\",\"scores\":{\"SYSTEM_DESIGN\":4,\"MONITORING\":3,\"PROBLEM_SOLVING\":3},\"greenFlags\":[\"UNDERSTANDS_TRADE_OFFS\"],\"recommendation\":\"YES\"}");
        submit(loop, "carol", "{\"interviewerId\":\"carol\",\"scores\":{\"COMMUNICATION\":3},\"recommendation\":\"STRONG_YES\"}");
        JsonNode decisions = awaitDecisions(loop, Duration.ofMinutes(3));
        System.out.println("[ContainerSystemIT] first debrief decided in " + Duration.between(start, Instant.now()).toMillis() + " ms");
        assertThat(decisions).hasSize(1);
        JsonNode decision = decisions.get(0);
        assertThat(decision.path("outcome").asText()).isEqualTo("HIRE");
        assertThat(decision.path("decisionVersion").asInt()).isEqualTo(1);
        assertThat(decision.path("average").decimalValue()).isEqualByComparingTo("3.5");
        JsonNode calibration = get(CALIBRATIONS + "/api/calibrations/" + loop, token("rita", "recruiter"));
        assertThat(calibration.path("status").asText()).isEqualTo("DECIDED");
        // the name travels sealed: calibration-service and notification-service open it only with the loop's key,
        // from scorecard-service through the gateway with the debrief-loop-keys Secret's token
        assertThat(calibration.path("candidate").path("name").asText()).isEqualTo("Container Candidate");
        assertThat(decision.path("candidate").path("name").asText()).isEqualTo("Container Candidate");
    }

    @Test
    @Order(2)
    void losingAReplicaOfEveryServiceMidDebriefLosesNothingAndDecidesOnce() throws Exception {
        List<String> panel = List.of("dana", "erik", "fay");
        String loop = openLoop(panel);
        submit(loop, "dana", "{\"interviewerId\":\"dana\",\"scores\":{\"CONTAINERIZATION\":4,\"ORCHESTRATION\":4,\"CI_CD\":4,\"ML_TOOLS\":3},\"recommendation\":\"YES\"}");

        // one replica of every service dies at once, as on a node failure; the other keeps serving behind the gateway
        for (String service : SERVICES) {
            podman("pod", "kill", "--signal", "KILL", service + "-pod-0");
        }
        System.out.println("[ContainerSystemIT] killed " + SERVICES.stream().map(s -> s + "-pod-0").toList());
        submit(loop, "erik", "{\"interviewerId\":\"erik\",\"scores\":{\"SYSTEM_DESIGN\":4,\"MONITORING\":3,\"PROBLEM_SOLVING\":3},\"recommendation\":\"YES\"}");
        submit(loop, "fay", "{\"interviewerId\":\"fay\",\"scores\":{\"COMMUNICATION\":3},\"recommendation\":\"STRONG_YES\"}");
        Instant afterKill = Instant.now();
        JsonNode decisions = awaitDecisions(loop, Duration.ofMinutes(4));
        System.out.println("[ContainerSystemIT] second debrief decided " + Duration.between(afterKill, Instant.now()).toMillis()
                + " ms after its last scorecard, with one replica of each service dead");

        // the Deployment's replacements: the same pods started again, back in the gateway's rotation
        for (String service : SERVICES) {
            podman("pod", "start", service + "-pod-0");
        }
        awaitAllReplicasInRotation(Duration.ofMinutes(4));
        Thread.sleep(5_000); // the restarted consumers rejoin their groups and may be handed records again

        String recruiter = token("rita", "recruiter");
        JsonNode scorecards = get(SCORECARDS + "/api/loops/" + loop + "/scorecards", recruiter);
        Set<String> submitted = new TreeSet<>();
        scorecards.forEach(s -> {
            submitted.add(s.path("interviewerId").asText());
            assertThat(s.path("version").asInt()).as("no scorecard stored twice").isEqualTo(1);
        });
        assertThat(scorecards).as("every scorecard kept").hasSize(3);
        assertThat(submitted).containsExactlyInAnyOrderElementsOf(panel);

        JsonNode calibration = get(CALIBRATIONS + "/api/calibrations/" + loop, recruiter);
        assertThat(calibration.path("status").asText()).isEqualTo("DECIDED");
        assertThat(calibration.path("submitted")).hasSize(3);
        assertThat(calibration.path("pendingInterviewers")).isEmpty();
        assertThat(calibration.path("decisionVersion").asInt()).as("decided once").isEqualTo(1);

        JsonNode after = get(NOTIFICATIONS + "/api/decisions?loopId=" + loop, recruiter);
        assertThat(after).as("one decision, delivered once").hasSize(1);
        assertThat(after.get(0).path("decisionVersion").asInt()).isEqualTo(1);
        assertThat(after.get(0)).isEqualTo(decisions.get(0));
        // the first debrief's decision is untouched by the failures and the restarts
        for (String earlier : loops) {
            assertThat(get(NOTIFICATIONS + "/api/decisions?loopId=" + earlier, recruiter)).hasSize(1);
        }
    }

    // ---- HTTP, through the gateway on 127.0.0.1, with the retries a client makes (Idempotency-Key: safe to repeat)

    private String openLoop(List<String> interviewers) throws Exception {
        StringBuilder panel = new StringBuilder();
        String[] stages = {"TECHNICAL_DEEP_DIVE", "SYSTEM_DESIGN", "CULTURAL_FIT", "TECHNICAL_SCREEN"};
        for (int i = 0; i < interviewers.size(); i++) {
            panel.append(i > 0 ? "," : "").append("{\"interviewerId\":\"").append(interviewers.get(i))
                    .append("\",\"stage\":\"").append(stages[i]).append("\"}");
        }
        String body = "{\"candidate\":{\"id\":\"cand-" + UUID.randomUUID() + "\",\"name\":\"Container Candidate\"},"
                + "\"position\":\"MLOps Engineer\",\"level\":\"MID\",\"panel\":[" + panel + "]}";
        JsonNode loop = post(SCORECARDS + "/api/loops", token("rita", "recruiter"), body, 201);
        String id = loop.path("loopId").asText();
        loops.add(id);
        return id;
    }

    private void submit(String loop, String interviewer, String body) throws Exception {
        post(SCORECARDS + "/api/loops/" + loop + "/scorecards", token(interviewer, "interviewer"), body, 201);
    }

    private static JsonNode post(String url, String token, String body, int expected) throws Exception {
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return JSON.readTree(response.body());
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError("POST " + url + " answered " + response.statusCode() + ": " + response.body());
                }
                last = new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("POST " + url + " did not succeed within 2 minutes", last);
    }

    private static JsonNode get(String url, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                last = new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
                if (response.statusCode() < 500) {
                    throw new AssertionError(last.getMessage());
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("GET " + url + " did not succeed within a minute", last);
    }

    private static JsonNode awaitDecisions(String loop, Duration timeout) throws Exception {
        String token = token("rita", "recruiter");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode decisions = get(NOTIFICATIONS + "/api/decisions?loopId=" + loop, token);
            if (decisions.size() > 0) {
                Thread.sleep(3_000); // a second decision, if one were made, would be here by now
                return get(NOTIFICATIONS + "/api/decisions?loopId=" + loop, token);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no decision for loop " + loop + " within " + timeout);
    }

    private static void awaitAllReplicasInRotation(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String stats = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                stats = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8404/stats;csv")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                long up = stats.lines().filter(l -> l.matches("^[a-z]+-service,pod-[01],.*")).map(l -> l.split(",")[17])
                        .filter("UP"::equals).count();
                if (up == 6) {
                    return;
                }
            } catch (IOException notYet) {
                // the gateway answers again in a moment
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("not every replica was back in rotation within " + timeout + ":\n" + stats);
    }

    // ---- tokens, signed with the key pair run.sh up made (its public key is the services' debrief-jwt)

    private static String token(String subject, String... roles) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        StringBuilder groups = new StringBuilder();
        for (String role : roles) {
            groups.append(groups.length() > 0 ? "," : "").append('"').append(role).append('"');
        }
        String claims = "{\"iss\":\"https://debrief.local/issuer\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String unsigned = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(signingKey);
        rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + b64(rs256.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    // ---- processes

    private static void podman(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("podman", "--runtime", "runc", "--cgroup-manager=cgroupfs"));
        command.addAll(List.of(args));
        run(command, Duration.ofMinutes(2), null);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Runs a command with the Podman settings of this machine, returns its output, fails on a non-zero exit. */
    private static String run(List<String> command, Duration timeout, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", Repo.IMAGES.resolve("containers.conf").toString());
        builder.environment().put("DEBRIEF_K8S_RUN_DIR", RUN_DIR.toString());
        Path output = log != null ? log : Files.createTempFile("debrief-cmd", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw new AssertionError(command + " did not finish within " + timeout + "; output in " + output);
        }
        String text = Files.readString(output);
        if (log == null) {
            Files.deleteIfExists(output);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited with " + process.exitValue() + ":\n" + tail(text));
        }
        return text;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    static {
        // run.sh down even when the JVM is stopped (Ctrl-C of the build) after the system came up
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started) {
                try {
                    ProcessBuilder down = new ProcessBuilder(Repo.KUBERNETES.resolve("run.sh").toString(), "down");
                    down.environment().put("DEBRIEF_K8S_RUN_DIR", RUN_DIR.toString());
                    down.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start().waitFor(3, TimeUnit.MINUTES);
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }));
    }

}
