package io.sluice.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import io.sluice.Role;

/**
 * What Spring Boot would see inside a rendered pod: the container's environment (env, then envFrom's
 * ConfigMaps and Secrets, decoded) over the jar's {@code application-<role>.yml} and
 * {@code application.yml}, with relaxed binding — so a misnamed variable (SLUICE_EDGE_CORE_URI for
 * sluice.edge.core-uri) shows as a setting left at its default.
 */
final class PodEnvironment {

    private PodEnvironment() {
    }

    static Map<String, String> variables(JsonNode container, List<Resource> deployment) {
        Map<String, String> variables = new LinkedHashMap<>();
        // Kubernetes: explicit env wins over envFrom; among envFrom sources the last one wins.
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                data(deployment, "ConfigMap", source.path("configMapRef").path("name").asText())
                        .properties().forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
            }
            if (source.has("secretRef")) {
                data(deployment, "Secret", source.path("secretRef").path("name").asText())
                        .properties().forEach(e -> variables.put(e.getKey(), new String(
                                Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
            }
        }
        container.path("env").forEach(env -> variables.put(env.path("name").asText(), env.path("value").asText()));
        return variables;
    }

    static StandardEnvironment spring(Map<String, String> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.forEach(source -> sources.remove(source.getName())); // not this JVM's own environment
        String role = Role.of(variables.get("SLUICE_ROLE")).profile();
        // The name tells Spring Boot to map SLUICE_EDGE_COREURI to sluice.edge.core-uri (relaxed binding).
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new LinkedHashMap<>(variables)));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        yaml.load("role", new ClassPathResource("application-" + role + ".yml")).forEach(sources::addLast);
        yaml.load("shared", new ClassPathResource("application.yml")).forEach(sources::addLast);
        // What SluiceApplication sets as defaults.
        sources.addLast(new org.springframework.core.env.MapPropertySource("defaults", Map.of(
                "sluice.role", role, "sluice.broker.cluster-password", "any")));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static JsonNode data(List<Resource> deployment, String kind, String name) {
        return deployment.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name)).body.path("data");
    }
}
