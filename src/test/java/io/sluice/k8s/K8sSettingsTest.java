package io.sluice.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import io.sluice.Role;
import io.sluice.core.CoreProperties;
import io.sluice.credentials.CredentialAudit;
import io.sluice.credentials.CredentialProblem;
import io.sluice.credentials.KnownValues;
import io.sluice.edge.EdgeProperties;
import io.sluice.link.tls.LinkTlsProperties;

/**
 * The manifests configure Sluice as intended: the pods' environment variables, bound the Spring Boot
 * way over the jar's defaults, give valid core and edge settings; the routes, broker.xml and data
 * directory they name are where the pod mounts them; an edge's core password is the one the core
 * expects for its carrier, and its core URI names the core's edge-link Service.
 */
class K8sSettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static List<Resource> deployment;

    @BeforeAll
    static void render() throws IOException {
        deployment = K8sManifestsTest.wholeDeployment();
    }

    @Test
    void theCoreServesBothCarriersWithTheSettingsOfARealDeployment() throws IOException {
        CoreProperties core = bind(sluice("sluice-core"), "sluice.core", CoreProperties.class);

        assertThat(core.carriers()).containsOnlyKeys("alpha", "beta");
        assertThat(core.carriers().get("beta").prefixes()).containsExactly("+4478");
        assertThat(core.seedUsers()).isFalse();
        assertThat(core.adminToken()).isNotEqualTo(CoreProperties.DEMO_ADMIN_TOKEN);
        assertThat(core.publicHost()).isNotEqualTo("localhost");
    }

    @ParameterizedTest
    @CsvSource({"alpha, smpp", "beta, cimd2"})
    void eachEdgeServesItsCarrierOverItsProtocol(String carrier, String protocol) throws IOException {
        EdgeProperties edge = bind(sluice("sluice-edge-" + carrier), "sluice.edge", EdgeProperties.class);
        CoreProperties core = bind(sluice("sluice-core"), "sluice.core", CoreProperties.class);

        assertThat(edge.carrier()).isEqualTo(carrier);
        assertThat(edge.smsc().protocol().toString()).isEqualToIgnoringCase(protocol);
        assertThat(edge.corePassword()).as("the edge's password at the core")
                .isEqualTo(core.carriers().get(carrier).edgePassword());
        URI coreUri = URI.create(edge.coreUri());
        JsonNode linkService = find("Service", coreUri.getHost()).body;
        assertThat(linkService.at("/spec/ports/0/port").asInt()).isEqualTo(coreUri.getPort());
        assertThat(linkService.at("/spec/ports/0/targetPort").asText()).isEqualTo("edge-link");
        JsonNode smscEgress = find("NetworkPolicy", "sluice-edge-" + carrier).body.at("/spec/egress/0");
        assertThat(smscEgress.at("/ports/0/port").asInt()).as("SMSC port open in the NetworkPolicy")
                .isEqualTo(edge.smsc().port());
    }

    @ParameterizedTest
    @CsvSource({"sluice-core", "sluice-edge-alpha", "sluice-edge-beta"})
    void routesBrokerXmlAndDataAreWhereThePodMountsThem(String statefulSet) throws IOException {
        Pod pod = sluice(statefulSet);
        StandardEnvironment spring = PodEnvironment.spring(pod.variables());

        for (String pattern : spring.getRequiredProperty("camel.main.routes-include-pattern").split(",")) {
            assertThat(pattern).startsWith("file:").endsWith("/*.camel.yaml");
            Path folder = Path.of(pattern.substring("file:".length())).getParent();
            assertThat(pod.configMapKeysAt(folder)).as("routes mounted at " + folder)
                    .isNotEmpty().allMatch(key -> key.endsWith(".camel.yaml"));
        }
        Path brokerXml = Path.of(spring.getRequiredProperty("sluice.broker.config").substring("file:".length()));
        assertThat(pod.configMapKeysAt(brokerXml.getParent())).contains(brokerXml.getFileName().toString());
        Path siteData = Path.of(spring.getRequiredProperty("sluice.site-data-dir"));
        assertThat(siteData).as("site data on the volume claim").startsWithRaw(pod.claimMountPath("data"));
    }

    @ParameterizedTest
    @CsvSource({"sluice-core, sluice-core-tls", "sluice-edge-alpha, sluice-edge-tls", "sluice-edge-beta, sluice-edge-tls"})
    void theLinkIsMutualTlsWithStoresFromTheSitesSecret(String statefulSet, String secret) throws IOException {
        Pod pod = sluice(statefulSet);
        LinkTlsProperties tls = bind(pod, "sluice.link.tls", LinkTlsProperties.class);

        assertThat(tls.enabled()).isTrue();
        assertThat(tls.missing()).as("TLS settings a site cannot start without").isEmpty();
        Path secretAt = pod.secretMountPath(secret);
        assertThat(Path.of(tls.keyStore())).startsWithRaw(secretAt);
        assertThat(Path.of(tls.trustStore())).startsWithRaw(secretAt);
    }

    /**
     * As committed, every site refuses to start, naming each placeholder (ADR 0017); once they are replaced
     * nothing else is missing.
     */
    @ParameterizedTest
    @CsvSource({"sluice-core, core", "sluice-edge-alpha, edge", "sluice-edge-beta, edge"})
    void everyCredentialIsThereAndAPlaceholderUntilReplaced(String statefulSet, String role) throws IOException {
        Map<String, String> variables = sluice(statefulSet).variables();
        List<CredentialProblem> problems = CredentialAudit.of(Role.of(role),
                Binder.get(PodEnvironment.spring(variables)), KnownValues.load());

        assertThat(problems).isNotEmpty().allMatch(problem -> problem.reason().contains("everybody knows"), "a placeholder");
        Map<String, String> replaced = new java.util.HashMap<>(variables);
        replaced.replaceAll((name, value) -> value.startsWith("REPLACE-ME") || value.equals("CHANGEME")
                ? "own-" + Integer.toHexString(name.hashCode()) + "-value" : value);
        assertThat(CredentialAudit.of(Role.of(role), Binder.get(PodEnvironment.spring(replaced)), KnownValues.load()))
                .isEmpty();
    }

    private <T> T bind(Pod pod, String prefix, Class<T> type) throws IOException {
        T settings = Binder.get(PodEnvironment.spring(pod.variables())).bind(prefix, type).get();
        assertThat(VALIDATOR.validate(settings)).as(prefix + " valid").isEmpty();
        return settings;
    }

    private Pod sluice(String statefulSet) {
        ObjectNode body = find("StatefulSet", statefulSet).body;
        return new Pod(body, body.at("/spec/template/spec/containers/0"));
    }

    private static Resource find(String kind, String name) {
        return deployment.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The Sluice container of a rendered StatefulSet and what its volumes hold. */
    private record Pod(ObjectNode statefulSet, JsonNode container) {

        Map<String, String> variables() {
            return PodEnvironment.variables(container, deployment);
        }

        /** Where the container mounts the volume of this Secret. */
        Path secretMountPath(String secretName) {
            for (JsonNode volume : statefulSet.at("/spec/template/spec/volumes")) {
                if (secretName.equals(volume.at("/secret/secretName").asText())) {
                    for (JsonNode mount : container.path("volumeMounts")) {
                        if (mount.path("name").equals(volume.path("name"))) {
                            return Path.of(mount.path("mountPath").asText());
                        }
                    }
                }
            }
            throw new AssertionError("no mount of Secret " + secretName);
        }

        Set<String> configMapKeysAt(Path mountPath) {
            for (JsonNode mount : container.path("volumeMounts")) {
                if (Path.of(mount.path("mountPath").asText()).equals(mountPath)) {
                    for (JsonNode volume : statefulSet.at("/spec/template/spec/volumes")) {
                        if (volume.path("name").equals(mount.path("name")) && volume.has("configMap")) {
                            Set<String> keys = new java.util.TreeSet<>();
                            find("ConfigMap", volume.at("/configMap/name").asText()).body.path("data")
                                    .fieldNames().forEachRemaining(keys::add);
                            return keys;
                        }
                    }
                }
            }
            return Set.of();
        }

        Path claimMountPath(String claim) {
            boolean claimed = false;
            for (JsonNode template : statefulSet.at("/spec/volumeClaimTemplates")) {
                claimed |= template.at("/metadata/name").asText().equals(claim);
            }
            assertThat(claimed).as("volume claim template " + claim).isTrue();
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("name").asText().equals(claim)) {
                    return Path.of(mount.path("mountPath").asText());
                }
            }
            throw new AssertionError("claim " + claim + " is not mounted");
        }
    }
}
