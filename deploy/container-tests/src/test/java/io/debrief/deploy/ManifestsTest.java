package io.debrief.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.debrief.stack.Topics;

/**
 * Static checks of deploy/kubernetes, run in every build: every manifest parses; the overlays render; each service's
 * manifests agree with its own application.properties (port, probes, environment variable names, database, topics,
 * consumer groups); topics match CONTRACT.md and the local stack; Strimzi resources read without an unknown field into
 * Strimzi's published API model (io.strimzi:api), Kubernetes resources into Fabric8's Kubernetes model; CloudNativePG
 * and KEDA, which publish no Java model or schema artifact on Maven Central, against the fields listed here by hand
 * from their API references.
 */
class ManifestsTest {

    private static final Map<String, String> DATABASE = Map.of("scorecard-service", "scorecard",
            "calibration-service", "calibration", "notification-service", "notification");

    /** Properties the manifests may set that Quarkus, SmallRye or Kafka define (a service need not set them itself). */
    private static final Set<String> FRAMEWORK_PROPERTIES = Set.of("quarkus.http.port", "quarkus.datasource.reactive.url",
            "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
            "quarkus.datasource.jdbc.acquisition-timeout", "quarkus.flyway.connect-retries", "kafka.bootstrap.servers",
            "kafka.security.protocol", "kafka.sasl.mechanism", "kafka.sasl.jaas.config",
            "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");
    /** The platform's configuration every service reads (platform io.debrief.platform.privacy.LoopKeysConfig). */
    private static final Set<String> PLATFORM_PROPERTIES = Set.of("debrief.loop-keys.service-token", "debrief.loop-keys.url");
    /** A service's own configuration whose defaults live in its @ConfigMapping, not in application.properties. */
    private static final Map<String, Set<String>> MAPPED_PROPERTIES = Map.of(
            "scorecard-service", Set.of("debrief.retention.erase-after"));

    // ---- parsing and rendering

    @Test
    void everyManifestParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repo.KUBERNETES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/.run/")).sorted()
                    .collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            List<ObjectNode> documents = Kustomize.readDocuments(file);
            assertThat(documents).as(file + " has documents").isNotEmpty();
            for (ObjectNode document : documents) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(document.path("kind").asText()).as(file.toString()).isEqualTo("Kustomization");
                    continue;
                }
                assertThat(document.path("apiVersion").asText()).as(file + ": apiVersion").isNotEmpty();
                assertThat(document.path("kind").asText()).as(file + ": kind").isNotEmpty();
                assertThat(document.path("metadata").path("name").asText()).as(file + ": metadata.name").isNotEmpty();
            }
        }
        for (String overlay : Repo.OVERLAYS) {
            assertThat(Repo.render(overlay)).as(overlay).isNotEmpty();
        }
    }

    @Test
    void localYamlIsTheLocalOverlayRendered() {
        Path overlay = Repo.KUBERNETES.resolve("overlays/local");
        String expected = Kustomize.header(overlay) + Kustomize.toYaml(Kustomize.build(overlay));
        assertThat(Repo.read(Repo.KUBERNETES.resolve("local.yaml")))
                .as("deploy/kubernetes/local.yaml is out of date: run deploy/kubernetes/run.sh render").isEqualTo(expected);
    }

    @Test
    void rendererMergesAsStrategicMergeDoes() {
        List<ObjectNode> local = Repo.render("overlays/local");
        ObjectNode config = Repo.named(local, "ConfigMap", "scorecard-service-config");
        assertThat(config.path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
        assertThat(config.path("data").path("QUARKUS_HTTP_PORT").asText()).as("kept from the base").isEqualTo("8081");
        JsonNode container = Repo.container(Repo.named(local, "Deployment", "scorecard-service"));
        assertThat(container.has("ports")).as("ports: null deletes the list").isFalse();
        assertThat(container.path("image").asText()).as("the rest of the container kept").startsWith("localhost/");
        List<ObjectNode> production = Repo.render("overlays/production");
        JsonNode prodContainer = Repo.container(Repo.named(production, "Deployment", "calibration-service"));
        List<String> env = new ArrayList<>();
        prodContainer.path("env").forEach(e -> env.add(e.path("name").asText()));
        assertThat(env).as("env merged by name").containsExactly("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "DEBRIEF_LOOP_KEYS_SERVICE_TOKEN", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG");
        assertThat(production).allSatisfy(r -> assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("debrief"));
    }

    // ---- the services against their own configuration

    @Test
    void servicesMatchTheirConfiguration() {
        String version = Repo.version();
        for (String overlay : Repo.OVERLAYS) {
            List<ObjectNode> resources = Repo.render(overlay);
            for (String service : Repo.SERVICES) {
                String where = overlay + " " + service + ": ";
                Properties properties = Repo.applicationProperties(service);
                int port = Integer.parseInt(properties.getProperty("quarkus.http.port"));
                String health = properties.getProperty("quarkus.smallrye-health.root-path", "/q/health");

                ObjectNode deployment = Repo.named(resources, "Deployment", service);
                JsonNode pod = deployment.path("spec").path("template");
                JsonNode container = Repo.container(deployment);
                assertThat(container.path("name").asText()).as(where + "container").isEqualTo(service);
                String image = container.path("image").asText();
                if (overlay.endsWith("production")) {
                    assertThat(image).as(where + "image").isEqualTo("registry.example.com/debrief/" + service + ":" + version);
                } else {
                    assertThat(image).as(where + "image").isEqualTo("localhost/debrief-" + service + ":" + version);
                }
                if (!overlay.endsWith("local")) {
                    assertThat(container.path("ports").get(0).path("containerPort").asInt()).as(where + "containerPort").isEqualTo(port);
                }
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo(health + "/live");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo(health + "/ready");
                assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo(health + "/started");
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    assertThat(container.path(probe).path("httpGet").path("port").asInt()).as(where + probe).isEqualTo(port);
                }

                ObjectNode config = Repo.named(resources, "ConfigMap", service + "-config");
                assertThat(container.path("envFrom").get(0).path("configMapRef").path("name").asText()).isEqualTo(service + "-config");
                Map<String, String> env = new LinkedHashMap<>();
                config.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
                Map<String, JsonNode> fromSecrets = new HashMap<>();
                container.path("env").forEach(e -> {
                    if (e.has("valueFrom")) {
                        fromSecrets.put(e.path("name").asText(), e.path("valueFrom").path("secretKeyRef"));
                    } else {
                        env.put(e.path("name").asText(), e.path("value").asText());
                    }
                });
                assertThat(env.get("QUARKUS_HTTP_PORT")).as(where + "QUARKUS_HTTP_PORT").isEqualTo(String.valueOf(port));
                Set<String> known = new TreeSet<>();
                properties.stringPropertyNames().forEach(p -> known.add(Repo.envName(p.replaceFirst("^%[^.]+\\.", ""))));
                FRAMEWORK_PROPERTIES.forEach(p -> known.add(Repo.envName(p)));
                PLATFORM_PROPERTIES.forEach(p -> known.add(Repo.envName(p)));
                MAPPED_PROPERTIES.getOrDefault(service, Set.of()).forEach(p -> known.add(Repo.envName(p)));
                known.add("JAVA_OPTS");
                Set<String> names = new TreeSet<>(env.keySet());
                names.addAll(fromSecrets.keySet());
                assertThat(known).as(where + "every environment variable names a property of the service or its framework")
                        .containsAll(names);
                assertThat(Repo.read(Repo.IMAGES.resolve("service/Containerfile"))).as("the image reads JAVA_OPTS").contains("$JAVA_OPTS");

                String db = DATABASE.get(service);
                String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL");
                assertThat(jdbc).as(where + "JDBC URL").matches("jdbc:postgresql://[a-z0-9.-]+:5432/" + db);
                assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).as(where + "reactive URL = JDBC URL")
                        .isEqualTo(jdbc.substring("jdbc:".length()));
                assertThat(fromSecrets.get("QUARKUS_DATASOURCE_USERNAME").path("name").asText()).isEqualTo(db + "-db-app");
                assertThat(fromSecrets.get("QUARKUS_DATASOURCE_USERNAME").path("key").asText()).isEqualTo("username");
                assertThat(fromSecrets.get("QUARKUS_DATASOURCE_PASSWORD").path("name").asText()).isEqualTo(db + "-db-app");
                assertThat(fromSecrets.get("QUARKUS_DATASOURCE_PASSWORD").path("key").asText()).isEqualTo("password");

                // the JWT key: a file of the debrief-jwt Secret's volume
                String keyLocation = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
                assertThat(keyLocation).startsWith("file://");
                Map<String, String> mounts = new HashMap<>();
                container.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m.path("name").asText()));
                Map<String, JsonNode> volumes = new HashMap<>();
                pod.path("spec").path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
                String keyFile = keyLocation.substring("file://".length());
                String keyDir = keyFile.substring(0, keyFile.lastIndexOf('/'));
                assertThat(mounts).as(where + "the key's directory is mounted").containsKey(keyDir);
                assertThat(volumes.get(mounts.get(keyDir)).path("secret").path("secretName").asText()).isEqualTo("debrief-jwt");
                assertThat(env.get("MP_JWT_VERIFY_ISSUER")).isEqualTo(properties.getProperty("mp.jwt.verify.issuer"));

                // loop keys: one service token for all three, from the debrief-loop-keys Secret; the other two ask
                // scorecard-service for keys where it answers (its Service; the gateway on Podman, which has none)
                assertThat(fromSecrets.get("DEBRIEF_LOOP_KEYS_SERVICE_TOKEN")).as(where + "the loop-keys service token").isNotNull();
                assertThat(fromSecrets.get("DEBRIEF_LOOP_KEYS_SERVICE_TOKEN").path("name").asText()).isEqualTo("debrief-loop-keys");
                assertThat(fromSecrets.get("DEBRIEF_LOOP_KEYS_SERVICE_TOKEN").path("key").asText()).isEqualTo("service-token");
                if (service.equals("scorecard-service")) {
                    assertThat(env).as(where + "keeps the keys itself").doesNotContainKey("DEBRIEF_LOOP_KEYS_URL");
                    assertThat(env.get("DEBRIEF_RETENTION_ERASE_AFTER")).as(where + "retention, as CONTRACT.md's default")
                            .isEqualTo("P365D");
                } else {
                    int scorecardPort = Integer.parseInt(Repo.applicationProperties("scorecard-service").getProperty("quarkus.http.port"));
                    String host = overlay.endsWith("local") ? "gateway" : "scorecard-service";
                    assertThat(env.get("DEBRIEF_LOOP_KEYS_URL")).as(where + "where the loop keys are")
                            .isEqualTo("http://" + host + ":" + scorecardPort);
                    Repo.named(resources, overlay.endsWith("local") ? "Pod" : "Service", host);
                }

                // non-root, read-only root file system, /tmp on an emptyDir
                assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
                assertThat(pod.path("spec").path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
                assertThat(Repo.read(Repo.IMAGES.resolve("service/Containerfile"))).contains("USER 10001:10001");
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(where + "read-only root").isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(security.path("capabilities").path("drop").get(0).asText()).isEqualTo("ALL");
                assertThat(volumes.get(mounts.get("/tmp")).has("emptyDir")).as(where + "/tmp is an emptyDir").isTrue();

                // requests above the measured idle RSS (208-250 MiB), limit above heap + non-heap
                JsonNode resourcesOf = container.path("resources");
                int requestMi = mebibytes(resourcesOf.path("requests").path("memory").asText());
                int limitMi = mebibytes(resourcesOf.path("limits").path("memory").asText());
                Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(env.get("JAVA_OPTS"));
                assertThat(xmx.find()).isTrue();
                assertThat(requestMi).as(where + "memory request over the idle RSS").isGreaterThanOrEqualTo(256);
                assertThat(limitMi).as(where + "memory limit over heap + 256 MiB").isGreaterThanOrEqualTo(Integer.parseInt(xmx.group(1)) + 256);
                assertThat(resourcesOf.path("requests").path("cpu").asText()).isNotEmpty();

                // Service and PodDisruptionBudget select the pods
                Map<String, String> podLabels = labels(pod.path("metadata").path("labels"));
                ObjectNode svc = Repo.named(resources, "Service", service);
                assertThat(podLabels).containsAllEntriesOf(labels(svc.path("spec").path("selector")));
                assertThat(svc.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(port);
                assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(port);
                ObjectNode pdb = Repo.named(resources, "PodDisruptionBudget", service);
                assertThat(podLabels).containsAllEntriesOf(labels(pdb.path("spec").path("selector").path("matchLabels")));
                int replicas = deployment.path("spec").path("replicas").asInt();
                assertThat(pdb.path("spec").path("minAvailable").asInt()).as(where + "a PDB that lets one pod go")
                        .isBetween(1, replicas - 1);
            }
        }
    }

    private static int mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Integer.parseInt(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertThat(quantity).endsWith("Mi");
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    // ---- network policies: the architecture's flows only

    @Test
    void networkPoliciesAllowOnlyTheArchitecturesFlows() {
        for (String overlay : Repo.OVERLAYS) {
            List<ObjectNode> resources = Repo.render(overlay);
            ObjectNode deny = Repo.named(resources, "NetworkPolicy", "debrief-services-default-deny");
            assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
            assertThat(deny.path("spec").has("ingress") || deny.path("spec").has("egress")).isFalse();
            for (String service : Repo.SERVICES) {
                int port = Integer.parseInt(Repo.applicationProperties(service).getProperty("quarkus.http.port"));
                ObjectNode policy = Repo.named(resources, "NetworkPolicy", service);
                assertThat(policy.path("spec").path("ingress")).hasSize(1);
                assertThat(policy.path("spec").path("ingress").get(0).path("ports").get(0).path("port").asInt()).isEqualTo(port);
                List<String> egress = new ArrayList<>();
                for (JsonNode rule : policy.path("spec").path("egress")) {
                    JsonNode to = rule.path("to").get(0);
                    String target = to.has("ipBlock") ? "internet" : labels(to.path("podSelector").path("matchLabels")).toString();
                    rule.path("ports").forEach(p -> egress.add(target + ":" + p.path("port").asInt()));
                }
                List<String> expected = new ArrayList<>(List.of("{db.debrief.io/" + DATABASE.get(service) + "=true}:5432",
                        "{debrief.io/tier=kafka}:9092"));
                if (!service.equals("scorecard-service")) {
                    expected.add("{app.kubernetes.io/name=scorecard-service}:" + Integer.parseInt(
                            Repo.applicationProperties("scorecard-service").getProperty("quarkus.http.port")));
                }
                if (service.equals("notification-service")) {
                    expected.addAll(List.of("internet:443", "internet:80"));
                }
                assertThat(egress).as(overlay + " " + service + " egress").containsExactlyElementsOf(expected);
            }
        }
        // the pods those rules name carry the labels, and Kafka listens where the rules allow
        List<ObjectNode> local = Repo.render("overlays/local");
        assertThat(labels(Repo.named(local, "Pod", "kafka").path("metadata").path("labels"))).containsEntry("debrief.io/tier", "kafka");
        assertThat(env(Repo.named(local, "Pod", "kafka")).get("KAFKA_LISTENERS")).contains("INTERNAL://0.0.0.0:9092");
        assertThat(labels(Repo.named(local, "Pod", "postgres").path("metadata").path("labels")))
                .containsEntry("db.debrief.io/scorecard", "true").containsEntry("db.debrief.io/calibration", "true")
                .containsEntry("db.debrief.io/notification", "true");
        List<ObjectNode> production = Repo.render("overlays/production");
        assertThat(Repo.named(production, "KafkaNodePool", "nodes").path("spec").path("template").path("pod").path("metadata")
                .path("labels").path("debrief.io/tier").asText()).isEqualTo("kafka");
        assertThat(Repo.named(production, "Kafka", "debrief").path("spec").path("kafka").path("listeners").get(0).path("port").asInt())
                .isEqualTo(9092);
        for (String db : DATABASE.values()) {
            assertThat(Repo.named(production, "Cluster", db + "-db").path("spec").path("inheritedMetadata").path("labels")
                    .path("db.debrief.io/" + db).asText()).isEqualTo("true");
        }
    }

    private static Map<String, String> env(JsonNode pod) {
        Map<String, String> env = new HashMap<>();
        pod.path("spec").path("containers").get(0).path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    // ---- topics: CONTRACT.md, the local stack, both overlays

    @Test
    void topicsMatchTheContractAndTheLocalStack() {
        Map<String, String> expected = new TreeMap<>();
        for (NewTopic topic : Topics.CONTRACT) {
            boolean compact = "compact".equals(topic.configs().get("cleanup.policy"));
            expected.put(topic.name(), topic.numPartitions() + (compact ? ":compact" : ""));
        }
        assertThat(expected).containsOnlyKeys("scorecard-events", "calibration-updates", "hiring-decisions",
                "scorecard-events-dlq", "hiring-decisions-dlq", "scorecard-events-notification-dlq", "hiring-decisions-scorecard-dlq");
        assertThat(expected.get("calibration-updates")).endsWith(":compact");

        Path contract = Repo.ROOT.resolveSibling("shared").resolve("CONTRACT.md");
        if (Files.exists(contract)) {
            String text = Repo.read(contract);
            for (String topic : List.of("scorecard-events", "calibration-updates", "hiring-decisions")) {
                assertThat(text).as("CONTRACT.md names " + topic).contains("`" + topic + "`");
            }
            assertThat(text).contains("`calibration-updates` (compacted)");
        } else {
            System.out.println("[ManifestsTest] " + contract + " is not here: topics checked against Topics.java only");
        }

        // the topics every service names exist
        for (String service : Repo.SERVICES) {
            Properties properties = Repo.applicationProperties(service);
            for (String key : properties.stringPropertyNames()) {
                if (key.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic")) {
                    assertThat(expected).as(service + " " + key + " names a topic that deploy/local-stack's Topics.java does not"
                            + " create: add it there, to KAFKA_CREATE_TOPICS (overlays/local/kafka.yaml) and to"
                            + " overlays/production/topics.yaml").containsKey(properties.getProperty(key));
                }
            }
        }
        assertThat(expected).as("the outbox relay's topic").containsKey(Repo.outboxTopic());

        Map<String, String> local = new TreeMap<>();
        String create = env(Repo.named(Repo.render("overlays/local"), "Pod", "kafka")).get("KAFKA_CREATE_TOPICS");
        for (String topic : create.split(",")) {
            int colon = topic.indexOf(':');
            local.put(topic.substring(0, colon), topic.substring(colon + 1));
        }
        assertThat(local).as("the local Kafka pod's topics").isEqualTo(expected);

        Map<String, String> production = new TreeMap<>();
        for (ObjectNode topic : Repo.ofKind(Repo.render("overlays/production"), "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String name = spec.path("topicName").asText(topic.path("metadata").path("name").asText());
            String policy = spec.path("config").path("cleanup.policy").asText("delete");
            production.put(name, spec.path("partitions").asInt() + ("compact".equals(policy) ? ":compact" : ""));
            assertThat(spec.path("replicas").asInt()).as(name + " replicas").isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name + " min ISR").isEqualTo(2);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("debrief");
        }
        assertThat(production).as("the production KafkaTopics").isEqualTo(expected);
    }

    // ---- Kafka users: each service's ACLs are exactly what its configuration reads and writes

    @Test
    void kafkaUsersHoldTheAclsTheirServicesNeed() {
        List<ObjectNode> production = Repo.render("overlays/production");
        for (String service : Repo.SERVICES) {
            Properties p = Repo.applicationProperties(service);
            Set<String> needed = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                Matcher incoming = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
                Matcher outgoing = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.topic").matcher(key);
                if (incoming.matches()) {
                    needed.add("topic:" + p.getProperty(key) + ":literal:Read");
                    String group = p.getProperty("mp.messaging.incoming." + incoming.group(1) + ".group.id");
                    assertThat(group).as(service + " " + key + " has a group.id").isNotNull();
                    needed.add(group.contains("${") ? "group:" + group.substring(0, group.indexOf("${")) + ":prefix:Read"
                            : "group:" + group + ":literal:Read");
                } else if (outgoing.matches()) {
                    needed.add("topic:" + p.getProperty(key) + ":literal:Write");
                }
            }
            if (service.equals("scorecard-service")) {
                needed.add("topic:" + Repo.outboxTopic() + ":literal:Write");
                // each relay round is a Kafka transaction under transactional.id scorecard-outbox-<instance-id>
                needed.add("transactionalId:scorecard-outbox-:prefix:Write");
            }
            assertThat(needed).as(service + " uses Kafka").isNotEmpty();

            ObjectNode user = Repo.named(production, "KafkaUser", service);
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                for (JsonNode operation : acl.path("operations")) {
                    String op = operation.asText();
                    if (op.equals("Describe") || op.equals("IdempotentWrite")) {
                        continue;
                    }
                    granted.add(resource.path("type").asText() + ":" + resource.path("name").asText() + ":"
                            + resource.path("patternType").asText("literal") + ":" + op);
                }
            }
            assertThat(granted).as(service + "'s ACLs in overlays/production/users.yaml must be exactly the topics and groups"
                    + " its configuration reads (Read) and writes (Write)").isEqualTo(needed);

            // the Deployment authenticates as that user
            JsonNode container = Repo.container(Repo.named(production, "Deployment", service));
            String jaasSecret = "";
            for (JsonNode e : container.path("env")) {
                if (e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    jaasSecret = e.path("valueFrom").path("secretKeyRef").path("name").asText();
                }
            }
            assertThat(jaasSecret).as(service + " reads the KafkaUser's Secret").isEqualTo(service);
        }
    }

    // ---- production: replication, databases, autoscaling

    @Test
    void productionRunsReplicatedAndAutoscaled() {
        List<ObjectNode> production = Repo.render("overlays/production");
        ObjectNode kafka = Repo.named(production, "Kafka", "debrief");
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        ObjectNode pool = Repo.named(production, "KafkaNodePool", "nodes");
        assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(pool.path("spec").path("roles").toString()).contains("controller", "broker");

        for (String service : Repo.SERVICES) {
            String db = DATABASE.get(service);
            ObjectNode cluster = Repo.named(production, "Cluster", db + "-db");
            assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
            assertThat(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText()).isEqualTo(db);
            ObjectNode config2 = Repo.named(production, "ConfigMap", service + "-config");
            assertThat(config2.path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                    .as("the primary's Service CloudNativePG makes").contains("//" + db + "-db-rw:5432/");
            assertThat(config2.path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("debrief-kafka-bootstrap:9092");
        }
        for (String service : List.of("scorecard-service", "notification-service")) {
            ObjectNode hpa = Repo.named(production, "HorizontalPodAutoscaler", service);
            assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(service);
            assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(3);
        }
        assertThat(Repo.ofKind(production, "HorizontalPodAutoscaler")).as("KEDA owns calibration-service's HPA")
                .noneMatch(h -> h.path("metadata").path("name").asText().equals("calibration-service"));
        ObjectNode scaled = Repo.named(production, "ScaledObject", "calibration-service");
        Properties calibration = Repo.applicationProperties("calibration-service");
        JsonNode lag = scaled.path("spec").path("triggers").get(0);
        assertThat(lag.path("type").asText()).isEqualTo("kafka");
        assertThat(lag.path("metadata").path("consumerGroup").asText())
                .isEqualTo(calibration.getProperty("mp.messaging.incoming.scorecard-events.group.id"));
        assertThat(lag.path("metadata").path("topic").asText())
                .isEqualTo(calibration.getProperty("mp.messaging.incoming.scorecard-events.topic"));
        assertThat(lag.path("metadata").path("bootstrapServers").asText()).isEqualTo("debrief-kafka-bootstrap:9092");
        assertThat(scaled.path("spec").path("maxReplicaCount").asInt()).as("no more consumers than partitions")
                .isLessThanOrEqualTo(Topics.PARTITIONS);
        ObjectNode auth = Repo.named(production, "TriggerAuthentication", lag.path("authenticationRef").path("name").asText());
        assertThat(auth.path("spec").path("secretTargetRef").get(0).path("name").asText()).isEqualTo("keda");
        Repo.named(production, "KafkaUser", "keda");
    }

    // ---- the operators' and Kubernetes' APIs

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/Pod", io.fabric8.kubernetes.api.model.Pod.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /**
     * CloudNativePG {@code Cluster} (postgresql.cnpg.io/v1) and KEDA {@code ScaledObject}/{@code TriggerAuthentication}
     * (keda.sh/v1alpha1): no schema artifact on Maven Central, so the fields used here are listed by hand from the
     * operators' API references (cloudnative-pg.io/documentation, API reference "ClusterSpec"; keda.sh/docs, "Scaling
     * Deployments", "Authentication" and the Apache Kafka scaler). A path not in the list fails the build.
     */
    private static final Map<String, Set<String>> HAND_CHECKED = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("spec.instances", "spec.primaryUpdateStrategy",
                    "spec.bootstrap.initdb.database", "spec.bootstrap.initdb.owner", "spec.postgresql.parameters.*",
                    "spec.storage.size", "spec.resources.requests.cpu", "spec.resources.requests.memory",
                    "spec.resources.limits.memory", "spec.affinity.enablePodAntiAffinity", "spec.affinity.topologyKey",
                    "spec.inheritedMetadata.labels.*", "spec.monitoring.enablePodMonitor"),
            "keda.sh/v1alpha1/ScaledObject", Set.of("spec.scaleTargetRef.name", "spec.minReplicaCount",
                    "spec.maxReplicaCount", "spec.pollingInterval", "spec.cooldownPeriod", "spec.triggers[].type",
                    "spec.triggers[].metricType", "spec.triggers[].metadata.bootstrapServers",
                    "spec.triggers[].metadata.consumerGroup", "spec.triggers[].metadata.topic",
                    "spec.triggers[].metadata.lagThreshold", "spec.triggers[].metadata.offsetResetPolicy",
                    "spec.triggers[].metadata.value", "spec.triggers[].authenticationRef.name"),
            "keda.sh/v1alpha1/TriggerAuthentication", Set.of("spec.secretTargetRef[].parameter",
                    "spec.secretTargetRef[].name", "spec.secretTargetRef[].key", "spec.configMapTargetRef[].parameter",
                    "spec.configMapTargetRef[].name", "spec.configMapTargetRef[].key"));

    @Test
    void everyResourceIsValidForItsApi() {
        Set<String> kinds = new TreeSet<>();
        for (String overlay : Repo.OVERLAYS) {
            for (ObjectNode resource : Repo.render(overlay)) {
                String apiVersion = resource.path("apiVersion").asText();
                String kind = resource.path("kind").asText();
                String where = overlay + " " + Kustomize.id(resource);
                kinds.add(apiVersion + "/" + kind);
                if (apiVersion.startsWith("kafka.strimzi.io/")) {
                    Class<?> model = MODELS.get(kind);
                    assertThat(model).as(where + ": a Strimzi kind of io.strimzi:api").isNotNull();
                    assertThat(apiVersion).isEqualTo(staticField(model, "RESOURCE_GROUP") + "/v1");
                    assertThat(String.valueOf(staticField(model, "VERSIONS"))).as(where + " served versions").contains("v1");
                    assertThat(ApiModelCheck.problems(resource, model)).as(where).isEmpty();
                } else if (HAND_CHECKED.containsKey(apiVersion + "/" + kind)) {
                    Set<String> allowed = HAND_CHECKED.get(apiVersion + "/" + kind);
                    List<String> paths = new ArrayList<>();
                    leaves(resource.path("spec"), "spec", paths);
                    assertThat(paths).as(where + ": fields checked by hand against the operator's API reference")
                            .allSatisfy(path -> assertThat(allowed.contains(path) || allowed.stream().anyMatch(
                                    a -> a.endsWith(".*") && path.startsWith(a.substring(0, a.length() - 1)))).as(path).isTrue());
                } else {
                    Class<?> model = MODELS.get(apiVersion + "/" + kind);
                    assertThat(model).as(where + ": a kind of the Kubernetes model").isNotNull();
                    assertThat(ApiModelCheck.problems(resource, model)).as(where).isEmpty();
                }
            }
        }
        assertThat(kinds).contains("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool",
                "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser", "postgresql.cnpg.io/v1/Cluster",
                "keda.sh/v1alpha1/ScaledObject", "autoscaling/v2/HorizontalPodAutoscaler");
    }

    @Test
    void theModelCheckFindsUnknownFields() {
        ObjectNode topic = Repo.named(Repo.render("overlays/production"), "KafkaTopic", "scorecard-events").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitons", 6);
        assertThat(ApiModelCheck.problems(topic, io.strimzi.api.kafka.model.topic.KafkaTopic.class))
                .containsExactly("unknown field spec.partitons");
        ObjectNode deployment = Repo.named(Repo.render("base"), "Deployment", "scorecard-service").deepCopy();
        ((ObjectNode) Repo.container(deployment).get("readinessProbe")).put("periodSecond", 5);
        assertThat(ApiModelCheck.problems(deployment, io.fabric8.kubernetes.api.model.apps.Deployment.class))
                .anySatisfy(p -> assertThat(p).contains("unknown field").contains("periodSecond"));
    }

    private static Object staticField(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type + " has no " + name, e);
        }
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(item -> leaves(item, path + "[]", out));
        } else {
            out.add(path);
        }
    }

    // ---- the local overlay on this machine

    @Test
    void localOverlayPublishesTheLocalRunsPortsOnLoopbackOnly() {
        List<ObjectNode> local = Repo.render("overlays/local");
        Map<Integer, String> hostPorts = new TreeMap<>();
        for (ObjectNode workload : local) {
            for (JsonNode container : Kustomize.containersOf(workload)) {
                for (JsonNode port : container.path("ports")) {
                    assertThat(port.has("hostPort")).as(Kustomize.id(workload) + ": Podman 4.3 publishes every declared port")
                            .isTrue();
                    assertThat(port.path("hostIP").asText()).as(Kustomize.id(workload) + " hostIP").isEqualTo("127.0.0.1");
                    hostPorts.put(port.path("hostPort").asInt(), workload.path("metadata").path("name").asText());
                }
            }
        }
        assertThat(hostPorts).isEqualTo(Map.of(8081, "gateway", 8082, "gateway", 8083, "gateway", 8404, "gateway",
                9092, "kafka", 15432, "postgres"));
        String gateway = Repo.named(local, "ConfigMap", "gateway-config").path("data").path("haproxy.cfg").asText();
        for (String service : Repo.SERVICES) {
            String port = Repo.applicationProperties(service).getProperty("quarkus.http.port");
            assertThat(gateway).contains("bind :" + port, "server pod-0 " + service + "-pod-0:" + port,
                    "server pod-1 " + service + "-pod-1:" + port, "server service " + service + ":" + port);
            assertThat(Repo.named(local, "Deployment", service).path("spec").path("replicas").asInt()).isEqualTo(2);
        }
        assertThat(gateway).contains("option httpchk GET /q/health/ready");
    }

    @Test
    void runShRemovesEveryVolumePodmanMakesForTheLocalOverlay() {
        Set<String> volumes = new TreeSet<>();
        for (ObjectNode workload : Repo.render("overlays/local")) {
            JsonNode spec = workload.path("kind").asText().equals("Pod") ? workload.path("spec")
                    : workload.path("spec").path("template").path("spec");
            for (JsonNode volume : spec.path("volumes")) {
                if (volume.has("emptyDir")) {
                    volumes.add(volume.path("name").asText());
                } else if (volume.has("secret")) {
                    volumes.add(volume.path("secret").path("secretName").asText());
                } else if (volume.has("configMap")) {
                    volumes.add(volume.path("configMap").path("name").asText());
                }
            }
        }
        Matcher listed = Pattern.compile("(?s)\nvolumes=\\(([^)]*)\\)").matcher(Repo.read(Repo.KUBERNETES.resolve("run.sh")));
        assertThat(listed.find()).isTrue();
        assertThat(new TreeSet<>(List.of(listed.group(1).trim().split("\\s+")))).isEqualTo(volumes);
        // and the emptyDir names are unique across workloads (Podman shares a volume by name)
        Map<String, Long> uses = new TreeMap<>();
        for (ObjectNode workload : Repo.render("overlays/local")) {
            JsonNode spec = workload.path("kind").asText().equals("Pod") ? workload.path("spec")
                    : workload.path("spec").path("template").path("spec");
            spec.path("volumes").forEach(v -> {
                if (v.has("emptyDir")) {
                    uses.merge(v.path("name").asText(), 1L, Long::sum);
                }
            });
        }
        assertThat(uses.values()).allMatch(n -> n == 1);
    }
}
