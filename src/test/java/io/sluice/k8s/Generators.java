package io.sluice.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kustomize's {@code configMapGenerator} and {@code secretGenerator}, for the sources the manifests use:
 * {@code files} (key = file name) and {@code envs} (KEY=value lines, {@code #} comments).
 */
final class Generators {

    private Generators() {
    }

    static Resource configMap(Path dir, JsonNode generator) throws IOException {
        ObjectNode body = skeleton("ConfigMap", generator);
        ObjectNode data = body.putObject("data");
        entries(dir, generator).forEach(data::put);
        return Resource.generated(body);
    }

    static Resource secret(Path dir, JsonNode generator) throws IOException {
        ObjectNode body = skeleton("Secret", generator);
        body.put("type", "Opaque");
        ObjectNode data = body.putObject("data");
        Base64.Encoder base64 = Base64.getEncoder();
        entries(dir, generator).forEach((key, value) ->
                data.put(key, base64.encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return Resource.generated(body);
    }

    private static ObjectNode skeleton(String kind, JsonNode generator) {
        generator.fieldNames().forEachRemaining(field -> {
            if (!field.equals("name") && !field.equals("files") && !field.equals("envs")) {
                throw new IllegalArgumentException(kind + " generator field '" + field + "' is not implemented");
            }
        });
        ObjectNode body = Yaml.MAPPER.createObjectNode();
        body.put("apiVersion", "v1").put("kind", kind);
        body.putObject("metadata").put("name", generator.path("name").asText());
        return body;
    }

    private static Map<String, String> entries(Path dir, JsonNode generator) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        for (JsonNode file : generator.path("files")) {
            Path path = dir.resolve(file.asText()).normalize();
            putOnce(entries, path.getFileName().toString(), Files.readString(path));
        }
        for (JsonNode envs : generator.path("envs")) {
            for (String line : Files.readAllLines(dir.resolve(envs.asText()))) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException(envs.asText() + ": not KEY=value: " + line);
                }
                putOnce(entries, trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
        }
        return entries;
    }

    private static void putOnce(Map<String, String> entries, String key, String value) {
        if (entries.put(key, value) != null) {
            throw new IllegalArgumentException("key '" + key + "' is generated twice");
        }
    }
}
