package io.sluice.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests under {@code k8s/}, rendered as kustomize renders them, fit the Kubernetes schema
 * object by object, and meet each other (ConfigMaps, Secrets, ports, selectors). The broken resources
 * beside this test prove that a misspelled field or a wrong type is caught.
 */
class K8sManifestsTest {

    static final Path K8S = Path.of("k8s");

    /** The core base and every overlay: each is something an operator renders and applies. */
    static List<Path> kustomizations() {
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            List<Path> all = new ArrayList<>(List.of(K8S.resolve("base/core")));
            overlays.filter(dir -> Files.exists(dir.resolve("kustomization.yaml"))).sorted().forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Resource> wholeDeployment() throws IOException {
        List<Resource> all = new ArrayList<>();
        for (Path kustomization : kustomizations()) {
            all.addAll(Kustomize.render(kustomization));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyObjectFitsTheKubernetesSchema(Path kustomization) throws IOException {
        List<Resource> resources = Kustomize.render(kustomization);
        assertThat(resources).isNotEmpty();
        resources.forEach(resource -> KubernetesSchema.parse(resource.body));
    }

    @Test
    void theDeploymentHasTheObjectsAnOperatorExpects() throws IOException {
        assertThat(wholeDeployment()).extracting(Resource::toString).contains(
                "StatefulSet/sluice-core", "Service/sluice-core-stomp", "Service/sluice-core-http",
                "Service/sluice-core-link", "PodDisruptionBudget/sluice-core", "NetworkPolicy/sluice-core",
                "StatefulSet/sluice-edge-alpha", "StatefulSet/sluice-edge-beta",
                "PodDisruptionBudget/sluice-edge-alpha", "NetworkPolicy/sluice-edge-beta");
    }

    @Test
    void namesMeetAcrossTheWholeDeployment() throws IOException {
        assertThat(ManifestReferences.check(wholeDeployment())).isEmpty();
    }

    @Test
    void aMissingConfigMapOrAWrongProbePortIsReported() throws IOException {
        List<Resource> deployment = wholeDeployment();
        deployment.removeIf(resource -> resource.name().startsWith("sluice-broker-edge-alpha-"));
        ObjectNode container = (ObjectNode) statefulSet(deployment, "sluice-edge-beta")
                .at("/spec/template/spec/containers/0");
        ((ObjectNode) container.at("/readinessProbe/httpGet")).put("port", "htp");

        assertThat(ManifestReferences.check(deployment)).satisfiesExactlyInAnyOrder(
                problem -> assertThat(problem).contains("StatefulSet/sluice-edge-alpha refers to ConfigMap 'sluice-broker-edge-alpha-"),
                problem -> assertThat(problem).contains("readinessProbe port 'htp'"));
    }

    @Test
    void aMisspelledFieldIsRefused() {
        assertThatThrownBy(() -> KubernetesSchema.parse(broken("misspelled-field.yaml")))
                .hasMessageContaining("does not fit the Kubernetes schema").hasMessageContaining("readinesProbe");
    }

    @Test
    void aWordWhereANumberBelongsIsRefused() {
        assertThatThrownBy(() -> KubernetesSchema.parse(broken("wrong-type.yaml")))
                .hasMessageContaining("does not fit the Kubernetes schema").hasMessageContaining("one");
    }

    @Test
    void aQuotedNumberIsRefused() {
        assertThatThrownBy(() -> KubernetesSchema.parse(broken("quoted-number.yaml")))
                .hasMessageContaining("does not fit the Kubernetes schema").hasMessageContaining("port");
    }

    @Test
    void routeAndBrokerConfigMapsCarryEveryFileOfTheirFolder() throws IOException {
        Map<String, Path> folders = new TreeMap<>(Map.of(
                "sluice-routes-core", Path.of("routes/core"), "sluice-routes-edge-alpha", Path.of("routes/edge"),
                "sluice-routes-edge-smpp-alpha", Path.of("routes/edge-smpp"),
                "sluice-routes-edge-cimd2-beta", Path.of("routes/edge-cimd2"),
                "sluice-broker-core", Path.of("broker-config/core"), "sluice-broker-edge-beta", Path.of("broker-config/edge")));
        List<Resource> deployment = wholeDeployment();
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> list = Files.list(folder.getValue())) {
                for (Path file : list.toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file));
                }
            }
            Resource configMap = deployment.stream()
                    .filter(r -> r.kind().equals("ConfigMap") && r.name().startsWith(folder.getKey() + "-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + folder.getKey()));
            Map<String, String> data = new TreeMap<>();
            configMap.body.path("data").properties().forEach(entry -> data.put(entry.getKey(), entry.getValue().asText()));
            assertThat(data).as(configMap + " against " + folder.getValue()).isEqualTo(files);
        }
    }

    static ObjectNode statefulSet(List<Resource> deployment, String name) {
        return deployment.stream().filter(r -> r.kind().equals("StatefulSet") && r.name().equals(name))
                .map(r -> r.body).findFirst().orElseThrow();
    }

    private static ObjectNode broken(String file) throws IOException {
        return Yaml.documents(Path.of("src/test/resources/io/sluice/k8s", file)).get(0);
    }
}
