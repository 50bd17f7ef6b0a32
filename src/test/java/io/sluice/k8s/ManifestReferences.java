package io.sluice.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a schema cannot see: names that must meet across objects. Every ConfigMap and Secret a pod
 * uses exists; every volume mount has its volume; probes, Services and NetworkPolicy rules name ports
 * the pods have; every selector selects a pod template; a StatefulSet's governing Service exists.
 * Checked over the whole deployment (the core and every carrier rendered together), since the edges'
 * NetworkPolicy in the core base selects pods of the carrier overlays.
 */
final class ManifestReferences {

    private final List<Resource> resources;
    private final List<String> problems = new ArrayList<>();

    private ManifestReferences(List<Resource> resources) {
        this.resources = resources;
    }

    /** The problems found, each a sentence naming the object; empty when everything meets. */
    static List<String> check(List<Resource> resources) {
        ManifestReferences check = new ManifestReferences(resources);
        for (Resource resource : resources) {
            switch (resource.kind()) {
                case "StatefulSet" -> check.statefulSet(resource);
                case "Service" -> check.service(resource);
                case "PodDisruptionBudget" -> check.selects(resource, resource.body.path("spec").path("selector")
                        .path("matchLabels"));
                case "NetworkPolicy" -> check.networkPolicy(resource);
                default -> { }
            }
        }
        return check.problems;
    }

    private void statefulSet(Resource set) {
        JsonNode spec = set.body.path("spec");
        exists(set, "Service", spec.path("serviceName").asText());
        if (!labelsInclude(spec.path("template").path("metadata").path("labels"), spec.path("selector").path("matchLabels"))) {
            problems.add(set + ": its selector does not match its own pod template's labels");
        }
        JsonNode pod = spec.path("template").path("spec");
        Set<String> volumes = new HashSet<>();
        pod.path("volumes").forEach(volume -> {
            volumes.add(volume.path("name").asText());
            optionalOr(volume.path("configMap"), () -> exists(set, "ConfigMap", volume.path("configMap").path("name").asText()));
            optionalOr(volume.path("secret"), () -> exists(set, "Secret", volume.path("secret").path("secretName").asText()));
        });
        spec.path("volumeClaimTemplates").forEach(claim -> volumes.add(claim.path("metadata").path("name").asText()));
        for (JsonNode container : pod.path("containers")) {
            Set<String> ports = portsOf(container);
            container.path("envFrom").forEach(source -> {
                optionalOr(source.path("configMapRef"), () -> exists(set, "ConfigMap", source.path("configMapRef").path("name").asText()));
                optionalOr(source.path("secretRef"), () -> exists(set, "Secret", source.path("secretRef").path("name").asText()));
            });
            container.path("volumeMounts").forEach(mount -> {
                if (!volumes.contains(mount.path("name").asText())) {
                    problems.add(set + ": volume mount " + mount.path("name").asText() + " has no volume");
                }
            });
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String port = container.path(probe).path("httpGet").path("port").asText();
                if (!ports.contains(port)) {
                    problems.add(set + ": " + probe + " port '" + port + "' is not a port of container "
                            + container.path("name").asText());
                }
            }
        }
    }

    private void service(Resource service) {
        JsonNode spec = service.body.path("spec");
        List<JsonNode> pods = selects(service, spec.path("selector"));
        Set<String> podPorts = new HashSet<>();
        pods.forEach(pod -> pod.path("spec").path("containers").forEach(container -> podPorts.addAll(portsOf(container))));
        spec.path("ports").forEach(port -> {
            String target = port.path("targetPort").asText(port.path("port").asText());
            if (!podPorts.contains(target)) {
                problems.add(service + ": target port '" + target + "' is not a port of the pods it selects");
            }
        });
    }

    private void networkPolicy(Resource policy) {
        JsonNode spec = policy.body.path("spec");
        List<JsonNode> pods = selects(policy, spec.path("podSelector").path("matchLabels"));
        Set<String> podPorts = new HashSet<>();
        pods.forEach(pod -> pod.path("spec").path("containers").forEach(container -> podPorts.addAll(portsOf(container))));
        // Ingress ports are the selected pods' own; a named one must exist there.
        spec.path("ingress").forEach(rule -> rule.path("ports").forEach(port -> {
            if (!podPorts.contains(port.path("port").asText())) {
                problems.add(policy + ": ingress port '" + port.path("port").asText() + "' is not a port of its pods");
            }
        }));
        // Peers in this namespace must be pods of the deployment (a namespaceSelector leaves it).
        spec.path("ingress").forEach(rule -> rule.path("from").forEach(peer -> peerSelects(policy, peer)));
        spec.path("egress").forEach(rule -> rule.path("to").forEach(peer -> peerSelects(policy, peer)));
    }

    private void peerSelects(Resource policy, JsonNode peer) {
        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
            selects(policy, peer.path("podSelector").path("matchLabels"));
        }
    }

    /** The pod templates whose labels include the selector; a problem when there are none. */
    private List<JsonNode> selects(Resource selecting, JsonNode selector) {
        List<JsonNode> pods = new ArrayList<>();
        for (Resource resource : resources) {
            JsonNode template = resource.body.path("spec").path("template");
            if (resource.kind().equals("StatefulSet") && labelsInclude(template.path("metadata").path("labels"), selector)) {
                pods.add(template);
            }
        }
        if (pods.isEmpty()) {
            problems.add(selecting + ": selector " + selector + " selects no pod template here");
        }
        return pods;
    }

    private void exists(Resource referrer, String kind, String name) {
        boolean found = resources.stream().anyMatch(r -> r.kind().equals(kind) && r.name().equals(name));
        if (!found) {
            problems.add(referrer + " refers to " + kind + " '" + name + "', which this kustomization does not contain");
        }
    }

    private static void optionalOr(JsonNode source, Runnable check) {
        // Marked optional, the object may be absent (e.g. a TLS secret created only where it is used).
        if (!source.isMissingNode() && !source.path("optional").asBoolean(false)) {
            check.run();
        }
    }

    private static Set<String> portsOf(JsonNode container) {
        Set<String> ports = new HashSet<>();
        container.path("ports").forEach(port -> {
            ports.add(port.path("containerPort").asText());
            if (port.has("name")) {
                ports.add(port.path("name").asText());
            }
        });
        return ports;
    }

    private static boolean labelsInclude(JsonNode labels, JsonNode selector) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false; // an empty selector selects everything: not what these manifests mean
        }
        for (Map.Entry<String, JsonNode> entry : selector.properties()) {
            if (!entry.getValue().equals(labels.path(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
