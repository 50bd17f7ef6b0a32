package io.sluice.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel finds the routes in a folder laid out as the kubelet lays out a ConfigMap volume: each key a
 * symbolic link into {@code ..data}, itself a link to a timestamped folder holding the files. Every
 * route is found once, through its link; the copies inside the hidden folders are not loaded again.
 */
class ConfigMapMountTest {

    @Test
    void routesInAConfigMapVolumeAreEachFoundOnce(@TempDir Path mount) throws Exception {
        List<String> routeFiles = mountLikeKubelet(Path.of("routes/edge"), mount);

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            var found = PluginHelper.getPackageScanResourceResolver(camel)
                    .findResources("file:" + mount + "/*.camel.yaml");

            assertThat(found).extracting(ConfigMapMountTest::fileName).containsExactlyInAnyOrderElementsOf(routeFiles);
            for (Resource resource : found) {
                assertThat(resource.getInputStream().readAllBytes())
                        .isEqualTo(Files.readAllBytes(Path.of("routes/edge", fileName(resource))));
            }
        }
    }

    private static List<String> mountLikeKubelet(Path source, Path mount) throws IOException {
        Path timestamped = Files.createDirectory(mount.resolve("..2026_11_27_00_00_00.000000001"));
        List<String> names;
        try (Stream<Path> files = Files.list(source)) {
            names = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        for (String name : names) {
            Files.copy(source.resolve(name), timestamped.resolve(name));
        }
        Files.createSymbolicLink(mount.resolve("..data"), timestamped.getFileName());
        for (String name : names) {
            Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
        }
        return names;
    }

    private static String fileName(Resource resource) {
        return Path.of(resource.getLocation().replaceFirst("^file:", "")).getFileName().toString();
    }
}
