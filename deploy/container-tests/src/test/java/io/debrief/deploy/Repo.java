package io.debrief.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Paths of the repository and what the tests read from it: the services' configuration and the renderings. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("debrief.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path IMAGES = ROOT.resolve("deploy/images");
    static final List<String> SERVICES = List.of("scorecard-service", "calibration-service", "notification-service");
    static final List<String> OVERLAYS = List.of("base", "overlays/local", "overlays/production");

    private Repo() {
    }

    /**
     * A service's configuration as its build sees it: the platform module's shared
     * META-INF/microprofile-config.properties (when there is one) overridden by the service's application.properties.
     */
    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        load(properties, ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        load(properties, ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        return properties;
    }

    private static void load(Properties properties, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The topic scorecard-service's outbox relay writes: its configuration, else the {@code @WithDefault} of the
     * {@code topic()} of its config mapping.
     */
    static String outboxTopic() {
        Properties p = applicationProperties("scorecard-service");
        for (String key : List.of("debrief.outbox.topic", "scorecard.outbox.topic")) {
            if (p.getProperty(key) != null) {
                return p.getProperty(key);
            }
        }
        try (java.util.stream.Stream<Path> files = Files.walk(ROOT.resolve("scorecard-service/src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith("Config.java"))::iterator) {
                Matcher m = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s*String topic\\(\\)").matcher(read(file));
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("scorecard-service's outbox topic is neither configured nor a config mapping default");
    }

    /** The project's version, as the root pom gives it (the images' tag). */
    static String version() {
        try {
            String pom = Files.readString(ROOT.resolve("pom.xml"));
            Matcher m = Pattern.compile("<artifactId>debrief-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
            if (!m.find()) {
                throw new IllegalStateException("no version in the root pom");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> render(String overlay) {
        return Kustomize.build(KUBERNETES.resolve(overlay));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).collect(Collectors.toList());
    }

    static ObjectNode named(List<ObjectNode> resources, String kind, String name) {
        return ofKind(resources, kind).stream().filter(r -> name.equals(r.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The environment variable a MicroProfile Config property is read from (non-alphanumerics to _, upper case). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static JsonNode container(ObjectNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }
}
