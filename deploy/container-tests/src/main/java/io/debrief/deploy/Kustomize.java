package io.debrief.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The part of kustomize that {@code deploy/kubernetes} uses, so that the build needs no kustomize binary (none is
 * packaged for this machine's Debian): a {@code kustomization.yaml} with {@code resources} (files or directories with
 * a kustomization of their own), {@code patches} (strategic-merge patch files naming their target by kind and name),
 * {@code labels} (pairs added to every resource's metadata), {@code namespace} and {@code images} (newName, newTag).
 * Any other field of a kustomization is refused rather than ignored, so a manifest never renders silently wrong.
 *
 * <p>Strategic merge as Kubernetes does it for the fields used here: maps merge recursively, a {@code null} deletes a
 * key, lists of containers, env, volumes, ports and volume mounts merge by their merge key, other lists are replaced.
 */
public final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "labels",
            "namespace", "images");

    /**
     * The order of kustomize's legacy sort for the kinds used here, except that bare Pods (the local overlay's Kafka
     * and PostgreSQL) come before Deployments: {@code podman kube play} starts workloads in file order. Other kinds
     * follow in the order they were given.
     */
    private static final List<String> KIND_ORDER = List.of("Namespace", "ResourceQuota", "LimitRange",
            "ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
            "Service", "PodDisruptionBudget", "NetworkPolicy", "Pod", "Deployment", "HorizontalPodAutoscaler");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Kustomize() {
    }

    /** Every document of a YAML file (a multi-document file gives several), empty documents left out. */
    public static List<ObjectNode> readDocuments(Path file) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException(file + ": a document is not a map");
                }
                documents.add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " does not parse", e);
        }
        return documents;
    }

    /** The resources {@code dir}'s kustomization.yaml produces, in kustomize's order. */
    public static List<ObjectNode> build(Path dir) {
        List<ObjectNode> resources = load(dir.toAbsolutePath().normalize(), new LinkedHashSet<>());
        List<ObjectNode> sorted = new ArrayList<>(resources);
        sorted.sort((a, b) -> Integer.compare(kindRank(a), kindRank(b)));
        return sorted;
    }

    private static int kindRank(ObjectNode resource) {
        int rank = KIND_ORDER.indexOf(resource.path("kind").asText());
        return rank < 0 ? KIND_ORDER.size() : rank;
    }

    private static List<ObjectNode> load(Path dir, Set<Path> visiting) {
        if (!visiting.add(dir)) {
            throw new IllegalArgumentException("kustomizations include each other: " + visiting);
        }
        Path file = dir.resolve("kustomization.yaml");
        List<ObjectNode> docs = readDocuments(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document");
        }
        ObjectNode kustomization = docs.get(0);
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": field '" + field + "' is not supported by this renderer");
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(load(path, visiting));
            } else {
                resources.addAll(readDocuments(path));
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (ObjectNode resource : resources) {
            if (!ids.add(id(resource))) {
                throw new IllegalArgumentException(file + ": " + id(resource) + " is defined twice");
            }
        }
        for (JsonNode patchEntry : kustomization.path("patches")) {
            if (!patchEntry.has("path") || patchEntry.size() != 1) {
                throw new IllegalArgumentException(file + ": only patches with a path are supported: " + patchEntry);
            }
            Path patchFile = dir.resolve(patchEntry.get("path").asText());
            List<ObjectNode> patches = readDocuments(patchFile);
            if (patches.size() != 1) {
                throw new IllegalArgumentException(patchFile + " must hold one patch");
            }
            ObjectNode patch = patches.get(0);
            ObjectNode target = resources.stream().filter(r -> sameTarget(r, patch)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(patchFile + ": no resource " + id(patch) + " to patch"));
            merge(target, patch, "");
        }
        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            for (ObjectNode resource : resources) {
                ((ObjectNode) resource.get("metadata")).put("namespace", namespace);
            }
        }
        for (JsonNode labels : kustomization.path("labels")) {
            for (Iterator<String> names = labels.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!field.equals("pairs")) {
                    throw new IllegalArgumentException(file + ": labels." + field + " is not supported");
                }
            }
            for (ObjectNode resource : resources) {
                ObjectNode metadata = (ObjectNode) resource.get("metadata");
                ObjectNode existing = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
                labels.get("pairs").fields().forEachRemaining(pair -> existing.put(pair.getKey(), pair.getValue().asText()));
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            String name = image.get("name").asText();
            for (ObjectNode resource : resources) {
                for (JsonNode container : containersOf(resource)) {
                    String current = container.path("image").asText();
                    String currentName = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                    String currentTag = current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : "latest";
                    if (currentName.equals(name)) {
                        ((ObjectNode) container).put("image", image.path("newName").asText(currentName) + ":"
                                + image.path("newTag").asText(currentTag));
                    }
                }
            }
        }
        visiting.remove(dir);
        return resources;
    }

    /** The containers (and init containers) of a Deployment's template or a Pod. */
    public static List<JsonNode> containersOf(JsonNode resource) {
        JsonNode podSpec = "Pod".equals(resource.path("kind").asText())
                ? resource.path("spec") : resource.path("spec").path("template").path("spec");
        List<JsonNode> containers = new ArrayList<>();
        podSpec.path("initContainers").forEach(containers::add);
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    /** kind/name, with the API group: what makes a resource unique in a rendering. */
    public static String id(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group + "/" + resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
    }

    private static boolean sameTarget(ObjectNode resource, ObjectNode patch) {
        return id(resource).equals(id(patch));
    }

    private static String mergeKey(String path, String field) {
        switch (field) {
            case "containers": case "initContainers": case "env": case "volumes": case "imagePullSecrets":
                return "name";
            case "volumeMounts":
                return "mountPath";
            case "ports":
                return path.endsWith("containers[]") ? "containerPort" : "port";
            default:
                return null;
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("strategic-merge directive " + name + " is not supported");
            }
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, path + "." + name);
            } else if (value.isArray() && existing != null && existing.isArray() && mergeKey(path, name) != null) {
                mergeList((ArrayNode) existing, (ArrayNode) value, mergeKey(path, name), path + "." + name + "[]");
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key, String path) {
        for (JsonNode item : patch) {
            JsonNode keyValue = item.get(key);
            if (keyValue == null) {
                throw new IllegalArgumentException("a patched " + path + " item has no " + key + ": " + item);
            }
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (Objects.equals(candidate.get(key), keyValue)) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                target.add(item.deepCopy());
            } else {
                merge(match, (ObjectNode) item, path);
            }
        }
    }

    /** Resources as one multi-document YAML text, the form {@code podman kube play} and {@code kubectl apply} read. */
    public static String toYaml(List<ObjectNode> resources) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode resource : resources) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            try {
                out.append(YAML.writeValueAsString(resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /**
     * {@code Kustomize OVERLAY_DIR [OUTPUT]}: renders an overlay to OUTPUT (or prints it). deploy/kubernetes/local.yaml
     * is made with {@code ./mvnw -q -pl deploy/container-tests compile exec:java} (see deploy/kubernetes/run.sh render).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Kustomize OVERLAY_DIR [OUTPUT]");
            System.exit(2);
        }
        String yaml = header(Path.of(args[0])) + toYaml(build(Path.of(args[0])));
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), yaml);
        } else {
            System.out.print(yaml);
        }
    }

    /** The comment that opens a rendered file. */
    public static String header(Path overlay) {
        return "# Rendered from deploy/kubernetes/" + overlay.getParent().getFileName() + "/" + overlay.getFileName()
                + " by io.debrief.deploy.Kustomize: do not edit, run deploy/kubernetes/run.sh render\n";
    }
}
