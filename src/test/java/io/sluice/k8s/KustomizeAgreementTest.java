package io.sluice.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test renderer ({@link Kustomize}) gives what the real kustomize gives, object for object, where
 * {@code kubectl} is installed (skipped elsewhere: CI's machines need not have it, and then the other
 * manifest tests still validate the renderer's output).
 */
class KustomizeAgreementTest {

    static List<Path> kustomizations() {
        return K8sManifestsTest.kustomizations();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void rendersWhatKubectlKustomizeRenders(Path kustomization) throws Exception {
        List<ObjectNode> ours = new ArrayList<>();
        Kustomize.render(kustomization).forEach(resource -> ours.add(resource.body));
        List<ObjectNode> theirs = kubectlKustomize(kustomization);
        Comparator<ObjectNode> byKindAndName = Comparator.comparing(KustomizeAgreementTest::kindAndName);
        ours.sort(byKindAndName);
        theirs.sort(byKindAndName);
        assertThat(ours).extracting(KustomizeAgreementTest::kindAndName)
                .containsExactlyElementsOf(theirs.stream().map(KustomizeAgreementTest::kindAndName).toList());
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).as(kindAndName(ours.get(i))).isEqualTo(theirs.get(i));
        }
    }

    private static String kindAndName(ObjectNode node) {
        return node.path("kind").asText() + "/" + node.path("metadata").path("name").asText();
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<ObjectNode> kubectlKustomize(Path kustomization) throws IOException, InterruptedException {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not installed");
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize",
                    "--load-restrictor", "LoadRestrictionsNone", kustomization.toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize exit code").isZero();
            return Yaml.documents(out);
        } finally {
            Files.delete(out);
        }
    }
}
