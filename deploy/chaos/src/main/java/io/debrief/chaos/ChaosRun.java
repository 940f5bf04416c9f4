package io.debrief.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;


import io.debrief.chaos.check.Checker;
import io.debrief.chaos.check.Findings;
import io.debrief.chaos.check.Recovery;
import io.debrief.chaos.cluster.Cluster;
import io.debrief.chaos.cluster.ServiceInstance;
import io.debrief.chaos.faults.Fault;
import io.debrief.chaos.faults.Nemesis;
import io.debrief.chaos.observe.StreamClient;
import io.debrief.chaos.observe.TopicLog;
import io.debrief.chaos.observe.WebhookReceiver;
import io.debrief.chaos.workload.Client;
import io.debrief.chaos.workload.Clock;
import io.debrief.chaos.workload.Expected;
import io.debrief.chaos.workload.History;
import io.debrief.chaos.workload.Http;

/**
 * One run of the suite: start everything, subscribe the receivers, run the clients while the nemesis injects the
 * faults, let the system settle, check, and report.
 */
public final class ChaosRun {

    private static final Logger LOG = Logger.getLogger(ChaosRun.class.getName());

    private ChaosRun() {
    }

    public static Report execute(ChaosSettings settings) throws Exception {
        Instant began = Instant.now();
        deleteRecursively(settings.workDir());
        Files.createDirectories(settings.workDir());
        Clock clock = new Clock();
        Map<String, List<String>> properties = new HashMap<>();
        for (String service : io.debrief.testsupport.DebriefSystem.SERVICES) {
            properties.put(service, settings.serviceConfig().systemProperties(service));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        // a receiver that refuses now and then is retried within seconds rather than the default minutes
        environment.put("DEBRIEF_WEBHOOKS_RETRY_SCHEDULE", "0s,1s,1s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s");
        environment.put("DEBRIEF_WEBHOOKS_RETRY_JITTER", "0.1");
        // keep-alive comments every 2 s, so that the stream client tells a silent server from a quiet one
        environment.put("DEBRIEF_STREAM_KEEP_ALIVE", "2s");
        Cluster.ServiceSettings services = new Cluster.ServiceSettings(settings.instances(), properties, environment,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

        long startNanos = System.nanoTime();
        try (Cluster cluster = Cluster.start(settings.root(), settings.workDir(), settings.synchronousCommit(), services);
             WebhookReceiver webhooks = new WebhookReceiver(clock, settings.webhookFailureRate(), settings.seed())) {
            long startupMillis = (System.nanoTime() - startNanos) / 1_000_000;
            LOG.info(() -> "cluster up in " + startupMillis + " ms");
            Map<String, String> durability = cluster.postgres().effectiveSynchronousCommit();
            Http http = new Http();
            String recruiter = cluster.tokens().mint("rita-recruiter", "recruiter");
            Map<String, String> interviewerTokens = new HashMap<>();
            for (int i = 1; i <= 16; i++) {
                interviewerTokens.put(Client.interviewer(i), cluster.tokens().mint(Client.interviewer(i), "interviewer"));
            }
            List<String> scorecardUrls = urls(cluster, "scorecard-service");
            List<String> notificationUrls = urls(cluster, "notification-service");
            List<Checker.Subscription> subscriptions = subscribe(http, notificationUrls.get(0), recruiter, webhooks);
            String catchAll = subscriptions.get(0).id();

            History history = new History(clock);
            try (StreamClient stream = new StreamClient(() -> notificationUrls, recruiter, clock, 6000)) {
                awaitConnected(stream);
                Function<Expected, Long> onStream = d -> {
                    StreamClient.Arrival a = stream.arrival(d.id());
                    return a == null ? null : a.firstAt();
                };
                Function<Expected, Long> onWebhook = d -> {
                    WebhookReceiver.Received r = webhooks.received(d.id() + ":" + catchAll);
                    return r == null ? null : r.firstAcceptedAt();
                };

                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < settings.clients(); i++) {
                    Client client = new Client(i, history, http, () -> scorecardUrls, interviewerTokens::get, recruiter,
                            settings.retryBudget(), settings.thinkTime(), running, settings.seed() + i + 1);
                    Thread thread = new Thread(client, "chaos-client-" + i);
                    thread.start();
                    clients.add(thread);
                }
                long workloadStart = clock.now();
                Thread.sleep(3000); // a few decisions before the first fault
                Nemesis nemesis = new Nemesis(cluster, clock, new Nemesis.Plan(settings.faults(), settings.minimumRounds(),
                        settings.duration(), settings.minGap(), settings.maxGap(), settings.pause(), settings.outage(),
                        settings.maxRecovery()), settings.seed(), endedAt -> {
                            List<Expected> expected = history.expectedDecisions();
                            return Recovery.recovered(endedAt, expected, onStream) && Recovery.recovered(endedAt, expected, onWebhook);
                        });
                List<Fault> faults;
                try {
                    faults = nemesis.run();
                } finally {
                    Thread.sleep(2000);
                    running.set(false);
                    for (Thread thread : clients) {
                        thread.join(settings.retryBudget().toMillis() + 30_000);
                    }
                }
                long workloadEnd = clock.now();
                long settleStart = clock.now();
                settle(history, onStream, onWebhook, webhooks);
                long settleMillis = clock.now() - settleStart;

                String bootstrap = cluster.kafka().bootstrapServers();
                List<TopicLog.Entry> scorecardEvents = TopicLog.read(bootstrap, "scorecard-events", Duration.ofSeconds(60));
                List<TopicLog.Entry> decisionEvents = TopicLog.read(bootstrap, "hiring-decisions", Duration.ofSeconds(60));
                Checker checker = new Checker(history, http, scorecardUrls.get(0), urls(cluster, "calibration-service").get(0), recruiter);
                Findings findings = checker.check(scorecardEvents, decisionEvents, subscriptions, webhooks, stream);

                List<Expected> expected = history.expectedDecisions();
                Map<String, Long> published = new HashMap<>();
                decisionEvents.forEach(e -> published.merge(e.ceId(), clock.fromEpochMillis(e.timestamp()), Math::min));
                Function<Expected, Long> onTopic = d -> published.get(d.id());
                List<Report.FaultResult> results = new ArrayList<>();
                for (Fault fault : faults) {
                    results.add(new Report.FaultResult(fault,
                            Recovery.after(fault.endedAt(), expected, onStream),
                            Recovery.after(fault.endedAt(), expected, onWebhook),
                            Recovery.worstLatency(fault.startedAt(), fault.endedAt(), expected, onStream),
                            Recovery.worstLatency(fault.startedAt(), fault.endedAt(), expected, onWebhook),
                            Recovery.after(fault.endedAt(), expected, onTopic),
                            Recovery.worstLatency(fault.startedAt(), fault.endedAt(), expected, onTopic)));
                }
                long decisionsOnTopic = decisionEvents.stream().map(TopicLog.Entry::ceId).distinct().count();
                return new Report(settings, began, Duration.between(began, Instant.now()), startupMillis,
                        workloadEnd - workloadStart, settleMillis, durability, services, history, results, findings,
                        webhooks.attempts(), webhooks.refused(), stream.connections(), scorecardEvents.size(),
                        decisionsOnTopic, expected.size());
            }
        }
    }

    private static List<String> urls(Cluster cluster, String service) {
        return cluster.instancesOf(service).stream().map(ServiceInstance::baseUrl).toList();
    }

    private static List<Checker.Subscription> subscribe(Http http, String notificationUrl, String recruiter,
                                                        WebhookReceiver webhooks) throws IOException, InterruptedException {
        record Wanted(String name, List<String> outcomes, List<String> levels) {
        }
        List<Wanted> wanted = List.of(
                new Wanted("all", List.of(), List.of()),
                new Wanted("hires", List.of("HIRE"), List.of()),
                new Wanted("junior-and-senior", List.of(), List.of("JUNIOR", "SENIOR")),
                new Wanted("mid-not-hired", List.of("NO_HIRE", "INSUFFICIENT_EVIDENCE"), List.of("MID")));
        List<Checker.Subscription> subscriptions = new ArrayList<>();
        for (Wanted w : wanted) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("url", webhooks.url(w.name()));
            body.put("description", "chaos suite: " + w.name());
            body.put("outcomes", w.outcomes());
            body.put("levels", w.levels());
            Http.Answer created = http.send("POST", notificationUrl + "/api/subscriptions", recruiter, body, Map.of(),
                    Duration.ofSeconds(15));
            if (created.status() != 201) {
                throw new IllegalStateException("creating subscription " + w.name() + " answered " + created.status() + ": " + created.body());
            }
            webhooks.secret(w.name(), created.body().path("secret").asText());
            subscriptions.add(new Checker.Subscription(created.body().path("id").asText(), w.name(),
                    Set.copyOf(w.outcomes()), Set.copyOf(w.levels())));
        }
        return subscriptions;
    }

    private static void awaitConnected(StreamClient stream) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!stream.connected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stream client could not connect");
            }
            Thread.sleep(100);
        }
        Thread.sleep(500);
    }

    /** Waits (bounded) until every expected decision reached the stream and the catch-all subscription, and a bit more. */
    private static void settle(History history, Function<Expected, Long> onStream, Function<Expected, Long> onWebhook,
                               WebhookReceiver webhooks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            List<Expected> expected = history.expectedDecisions();
            if (expected.stream().allMatch(d -> onStream.apply(d) != null && onWebhook.apply(d) != null)) {
                break;
            }
            Thread.sleep(250);
        }
        // the filtered subscriptions and retries of refused attempts: until the receiver has been quiet for 5 s
        long quietSince = System.nanoTime();
        long seen = webhooks.attempts();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(250);
            if (webhooks.attempts() != seen) {
                seen = webhooks.attempts();
                quietSince = System.nanoTime();
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
