package io.sluice.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object while {@link Kustomize} renders it: its body, the name it was written with
 * (what other objects refer to it by), and whether a generator made it (its final name then ends with
 * a hash of its content, as kustomize does so that a changed ConfigMap rolls the pods).
 */
final class Resource {

    final ObjectNode body;
    final String originalName;
    final boolean generated;

    private Resource(ObjectNode body, boolean generated) {
        this.body = body;
        this.originalName = name(body);
        this.generated = generated;
    }

    static Resource written(ObjectNode body) {
        return new Resource(body, false);
    }

    static Resource generated(ObjectNode body) {
        return new Resource(body, true);
    }

    String kind() {
        return body.path("kind").asText();
    }

    String name() {
        return name(body);
    }

    void rename(String name) {
        ((ObjectNode) body.get("metadata")).put("name", name);
    }

    private static String name(ObjectNode body) {
        return body.path("metadata").path("name").asText();
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
