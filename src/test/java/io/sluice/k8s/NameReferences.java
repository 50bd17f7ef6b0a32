package io.sluice.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites references to ConfigMaps, Secrets and Services to the names they end up with (suffix and
 * content hash), as kustomize's name-reference transformer does for the fields used here: a pod's
 * volumes, envFrom and env value sources, and a StatefulSet's governing Service.
 */
final class NameReferences {

    private NameReferences() {
    }

    static void rewrite(List<Resource> resources, Map<String, String> finalNames) {
        for (Resource resource : resources) {
            if (!resource.kind().equals("StatefulSet")) {
                continue;
            }
            ObjectNode spec = (ObjectNode) resource.body.get("spec");
            replace(spec, "serviceName", "Service", finalNames);
            JsonNode pod = spec.path("template").path("spec");
            for (JsonNode volume : pod.path("volumes")) {
                replace(volume.path("configMap"), "name", "ConfigMap", finalNames);
                replace(volume.path("secret"), "secretName", "Secret", finalNames);
            }
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode source : container.path("envFrom")) {
                    replace(source.path("configMapRef"), "name", "ConfigMap", finalNames);
                    replace(source.path("secretRef"), "name", "Secret", finalNames);
                }
                for (JsonNode env : container.path("env")) {
                    replace(env.path("valueFrom").path("configMapKeyRef"), "name", "ConfigMap", finalNames);
                    replace(env.path("valueFrom").path("secretKeyRef"), "name", "Secret", finalNames);
                }
            }
        }
    }

    // A name with no resource behind it stays as written: ManifestReferences then reports it.
    private static void replace(JsonNode holder, String field, String kind, Map<String, String> finalNames) {
        if (holder instanceof ObjectNode object && object.has(field)) {
            String renamed = finalNames.get(Kustomize.referenceKey(kind, object.get(field).asText()));
            if (renamed != null) {
                object.put(field, renamed);
            }
        }
    }
}
