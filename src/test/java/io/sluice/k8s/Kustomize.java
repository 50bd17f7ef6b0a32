package io.sluice.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders a kustomization the way {@code kubectl kustomize --load-restrictor LoadRestrictionsNone} does,
 * for the subset of kustomize that {@code k8s/} uses (see {@link Kustomization}): resources (files and
 * kustomization folders), ConfigMap and Secret generators, JSON 6902 patches, a name suffix and labels,
 * applied in kustomize's order (patches, suffix, labels), then content hashes on generated names and
 * references rewritten to the final names. {@code KustomizeAgreementCheck} compares it with the real
 * kustomize where {@code kubectl} is installed.
 */
final class Kustomize {

    private Kustomize() {
    }

    static List<Resource> render(Path dir) throws IOException {
        List<Resource> resources = accumulate(dir.toAbsolutePath().normalize());
        Map<String, String> finalNames = new HashMap<>();
        for (Resource resource : resources) {
            String name = resource.generated ? resource.name() + "-" + ContentHash.of(resource.body) : resource.name();
            resource.rename(name);
            String key = referenceKey(resource.kind(), resource.originalName);
            if (finalNames.put(key, name) != null) {
                throw new IllegalArgumentException("two resources were written as " + key);
            }
        }
        NameReferences.rewrite(resources, finalNames);
        return resources;
    }

    static String referenceKey(String kind, String originalName) {
        return kind + "/" + originalName;
    }

    private static List<Resource> accumulate(Path dir) throws IOException {
        Kustomization kustomization = Kustomization.read(dir);
        List<Resource> resources = new ArrayList<>();
        for (String entry : kustomization.resources()) {
            Path path = dir.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(accumulate(path));
            } else {
                Yaml.documents(path).forEach(body -> resources.add(Resource.written(body)));
            }
        }
        for (JsonNode generator : kustomization.configMapGenerator()) {
            resources.add(Generators.configMap(dir, generator));
        }
        for (JsonNode generator : kustomization.secretGenerator()) {
            resources.add(Generators.secret(dir, generator));
        }
        for (JsonNode patch : kustomization.patches()) {
            JsonPatches.apply(resources, patch);
        }
        if (!kustomization.nameSuffix().isEmpty()) {
            resources.forEach(resource -> resource.rename(resource.name() + kustomization.nameSuffix()));
        }
        for (JsonNode labels : kustomization.labels()) {
            Labels.apply(resources, labels);
        }
        return resources;
    }
}
