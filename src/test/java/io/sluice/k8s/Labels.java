package io.sluice.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kustomize's {@code labels} with {@code includeSelectors: true}: the labels go on every object's
 * metadata and, per kind, on the selectors and pod templates kustomize's built-in field specs list —
 * including every podSelector inside a NetworkPolicy's rules, which is why the edges' egress to the
 * core is not in the edge base (see k8s/base/core/networkpolicy.yaml).
 */
final class Labels {

    /** Where the labels go besides metadata.labels, by kind; a kind not listed is refused. */
    private static final Map<String, List<String>> SELECTOR_PATHS = Map.of(
            "StatefulSet", List.of("spec.selector.matchLabels", "spec.template.metadata.labels",
                    "spec.volumeClaimTemplates[].metadata.labels"),
            "Service", List.of("spec.selector"),
            "PodDisruptionBudget", List.of("spec.selector.matchLabels"),
            "NetworkPolicy", List.of("spec.podSelector.matchLabels", "spec.ingress[].from[].podSelector.matchLabels",
                    "spec.egress[].to[].podSelector.matchLabels"),
            "ConfigMap", List.of(),
            "Secret", List.of());

    private Labels() {
    }

    static void apply(List<Resource> resources, JsonNode entry) {
        if (!entry.path("includeSelectors").asBoolean(false)) {
            throw new IllegalArgumentException("only labels with includeSelectors: true are implemented");
        }
        JsonNode pairs = entry.path("pairs");
        for (Resource resource : resources) {
            List<String> paths = SELECTOR_PATHS.get(resource.kind());
            if (paths == null) {
                throw new IllegalArgumentException("labels on a " + resource.kind() + " are not implemented");
            }
            addTo(resource.body, "metadata.labels", pairs);
            paths.forEach(path -> addTo(resource.body, path, pairs));
        }
    }

    /** Walks a dotted path ({@code name[]} for every element of a list), creating only the last map. */
    private static void addTo(JsonNode node, String path, JsonNode pairs) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (rest == null) {
            ((ObjectNode) node).withObjectProperty(head).setAll((ObjectNode) pairs);
        } else if (head.endsWith("[]")) {
            node.path(head.substring(0, head.length() - 2)).forEach(element -> addTo(element, rest, pairs));
        } else if (node.has(head)) {
            addTo(node.get(head), rest, pairs);
        } else if (head.equals("metadata")) {
            addTo(((ObjectNode) node).putObject(head), rest, pairs);
        }
    }
}
