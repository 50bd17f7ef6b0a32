package io.sluice.k8s;

import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A kustomize {@code patches} entry with a target and an inline JSON 6902 patch (add, replace, remove). */
final class JsonPatches {

    private JsonPatches() {
    }

    static void apply(List<Resource> resources, JsonNode entry) throws java.io.IOException {
        JsonNode target = entry.path("target");
        if (entry.has("path") || !entry.has("patch")) {
            throw new IllegalArgumentException("only inline patches are implemented: " + entry);
        }
        JsonNode operations = Yaml.MAPPER.readTree(entry.path("patch").asText());
        if (!operations.isArray()) {
            throw new IllegalArgumentException("only JSON 6902 patches (a list of operations) are implemented");
        }
        int matched = 0;
        for (Resource resource : resources) {
            if (matches(target, resource)) {
                operations.forEach(operation -> applyOne(resource.body, operation));
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException("patch target matches nothing: " + target);
        }
    }

    private static boolean matches(JsonNode target, Resource resource) {
        return (!target.has("kind") || target.path("kind").asText().equals(resource.kind()))
                && (!target.has("name") || target.path("name").asText().equals(resource.name()));
    }

    private static void applyOne(ObjectNode body, JsonNode operation) {
        JsonPointer path = JsonPointer.compile(operation.path("path").asText());
        JsonNode parent = body.at(path.head());
        String last = path.last().getMatchingProperty();
        String op = operation.path("op").asText();
        if (parent.isMissingNode()) {
            throw new IllegalArgumentException("patch path has no parent: " + path);
        }
        switch (op) {
            case "add", "replace" -> set(parent, last, operation.get("value"), op.equals("add"), path);
            case "remove" -> remove(parent, last, path);
            default -> throw new IllegalArgumentException("patch op '" + op + "' is not implemented");
        }
    }

    private static void set(JsonNode parent, String key, JsonNode value, boolean add, JsonPointer path) {
        if (parent instanceof ObjectNode object) {
            if (!add && !object.has(key)) {
                throw new IllegalArgumentException("replace of a missing field: " + path);
            }
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            if (add && key.equals("-")) {
                array.add(value);
            } else if (add) {
                array.insert(index(array, key, true, path), value);
            } else {
                array.set(index(array, key, false, path), value);
            }
        }
    }

    private static void remove(JsonNode parent, String key, JsonPointer path) {
        if (parent instanceof ObjectNode object && object.remove(key) == null) {
            throw new IllegalArgumentException("remove of a missing field: " + path);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(array, key, false, path));
        }
    }

    private static int index(ArrayNode array, String key, boolean mayEqualSize, JsonPointer path) {
        int index = Integer.parseInt(key);
        if (index < 0 || index > array.size() || (index == array.size() && !mayEqualSize)) {
            throw new IllegalArgumentException("patch index out of range: " + path);
        }
        return index;
    }
}
