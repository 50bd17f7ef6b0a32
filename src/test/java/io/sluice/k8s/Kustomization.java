package io.sluice.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code kustomization.yaml} as far as {@link Kustomize} understands it. A field outside that subset
 * is refused rather than ignored, so the manifests cannot use a kustomize feature the test renderer
 * would silently skip.
 */
record Kustomization(Path dir, List<String> resources, String nameSuffix, List<JsonNode> labels,
                     List<JsonNode> configMapGenerator, List<JsonNode> secretGenerator, List<JsonNode> patches) {

    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources", "nameSuffix", "labels",
            "configMapGenerator", "secretGenerator", "patches");

    static Kustomization read(Path dir) throws IOException {
        JsonNode root = Yaml.MAPPER.readTree(dir.resolve("kustomization.yaml").toFile());
        root.fieldNames().forEachRemaining(field -> {
            if (!UNDERSTOOD.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml: field '" + field
                        + "' is not in the subset the test renderer implements (" + UNDERSTOOD + ")");
            }
        });
        List<String> resources = new ArrayList<>();
        root.path("resources").forEach(node -> resources.add(node.asText()));
        return new Kustomization(dir, resources, root.path("nameSuffix").asText(""), list(root, "labels"),
                list(root, "configMapGenerator"), list(root, "secretGenerator"), list(root, "patches"));
    }

    private static List<JsonNode> list(JsonNode root, String field) {
        List<JsonNode> items = new ArrayList<>();
        root.path(field).forEach(items::add);
        return items;
    }
}
