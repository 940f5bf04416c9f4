package io.debrief.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** A subscriber's endpoint on loopback: accepts every webhook (204) and keeps its headers and body. */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Webhook(Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("a webhook body that is not JSON: " + body, e);
            }
        }

        String type() {
            return json().path("type").asText();
        }
    }

    private final HttpServer server;
    private final List<Webhook> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Webhook(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Webhook> received() {
        return List.copyOf(received);
    }

    /** The webhooks of {@code type} (e.g. {@code hiring.candidate.erased}) whose body mentions {@code text}. */
    List<Webhook> of(String type, String text) {
        return received.stream().filter(w -> w.type().equals(type) && w.body().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
