package io.debrief.chaos.workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON over HTTP/1.1 with a bearer token; one shared client (pooled keep-alive connections). */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, JsonNode body, Map<String, java.util.List<String>> headers) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public Answer send(String method, String url, String bearer, Object body, Map<String, String> headers,
                       Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = null;
        if (!response.body().isBlank()) {
            try {
                parsed = JSON.readTree(response.body());
            } catch (JsonProcessingException notJson) {
                parsed = JSON.getNodeFactory().textNode(response.body());
            }
        }
        return new Answer(response.statusCode(), parsed, response.headers().map());
    }

    public Answer get(String url, String bearer) throws IOException, InterruptedException {
        return send("GET", url, bearer, null, Map.of(), Duration.ofSeconds(15));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
