package io.debrief.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where first decisions arrive, and when (System.nanoTime): on the {@code hiring-decisions} topic, on
 * notification-service's stream, and at a webhook receiver. Keyed by loopId; only decision version 1 counts.
 */
final class Arrivals implements AutoCloseable {

    final Map<String, Long> onTopic = new ConcurrentHashMap<>();
    final Map<String, Long> onStream = new ConcurrentHashMap<>();
    final Map<String, Long> atWebhook = new ConcurrentHashMap<>();

    private volatile boolean running = true;
    private final Thread topicReader;
    private final HttpServer receiver;
    private final java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> stream;

    Arrivals(String bootstrapServers, String notificationsUrl, String authorization) throws IOException {
        topicReader = new Thread(() -> readTopic(bootstrapServers), "bench-decisions-reader");
        topicReader.setDaemon(true);
        topicReader.start();

        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hooks", exchange -> {
            long now = System.nanoTime();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            if (id != null && id.split(":").length >= 3 && "1".equals(id.split(":")[1])) {
                atWebhook.putIfAbsent(id.split(":")[0], now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        HttpRequest request = HttpRequest.newBuilder(URI.create(notificationsUrl + "/api/decisions/stream"))
                .header("Accept", "text/event-stream").header("Authorization", authorization).build();
        stream = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        stream.thenAcceptAsync(response -> response.body().forEach(line -> {
            if (line.startsWith("id:")) {
                String[] id = line.substring(3).trim().split(":");
                if (id.length == 2 && "1".equals(id[1])) {
                    onStream.putIfAbsent(id[0], System.nanoTime());
                }
            }
        }));
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    private void readTopic(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("hiring-decisions").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null && new String(id.value(), StandardCharsets.UTF_8).endsWith(":1")) {
                        onTopic.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        topicReader.join(5000);
        receiver.stop(0);
        stream.cancel(true);
    }
}
