package io.sluice.k8s;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code kubectl} is installed. Run with {@code mvn test -Pkubectl}; not part of the default suite, since
 * kubectl is no Debian package and CI machines have none (the other manifest tests validate the
 * renderer's output everywhere).
 */
class KustomizeAgreementCheck {

    static List<Path> kustomizations() {
        return K8sManifestsTest.kustomizations();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void rendersWhatKubectlKustomizeRenders(Path kustomization) throws Exception {
        List<ObjectNode> ours = new ArrayList<>();
        Kustomize.render(kustomization).forEach(resource -> ours.add(resource.body));
        List<ObjectNode> theirs = kubectlKustomize(kustomization);
        Comparator<ObjectNode> byKindAndName = Comparator.comparing(KustomizeAgreementCheck::kindAndName);
        ours.sort(byKindAndName);
        theirs.sort(byKindAndName);
        assertThat(ours).extracting(KustomizeAgreementCheck::kindAndName)
                .containsExactlyElementsOf(theirs.stream().map(KustomizeAgreementCheck::kindAndName).toList());
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
        assertThat(kubectl).as("kubectl on the PATH (this check runs only with -Pkubectl, where kubectl is installed)")
                .isNotNull();
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
