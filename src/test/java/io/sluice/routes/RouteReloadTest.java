package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;

import org.junit.jupiter.api.Test;

class RouteReloadTest {

    private final RouteReload edge = new RouteReload("file:routes",
            "file:routes/edge/*.camel.yaml,file:routes/edge-smpp/*.camel.yaml");

    @Test
    void reloadsOnlyTheFilesOfTheFoldersTheSiteLoaded() {
        assertThat(edge.isSiteRoute(new File("routes/edge/ring-mt-accept.camel.yaml"))).isTrue();
        assertThat(edge.isSiteRoute(new File("routes/edge-smpp/smsc-submit.camel.yaml"))).isTrue();
        assertThat(edge.isSiteRoute(new File("routes/core/chat-dispatch.camel.yaml"))).as("a core route").isFalse();
        assertThat(edge.isSiteRoute(new File("routes/edge-cimd2/smsc-submit.camel.yaml"))).as("the other protocol").isFalse();
        assertThat(edge.isSiteRoute(new File("routes/edge/ring-mt-accept.camel.yaml.swp"))).as("an editor's file").isFalse();
        assertThat(edge.isSiteRoute(new File("routes/edge/old/ring-mt-accept.camel.yaml"))).as("a sub-folder").isFalse();
    }

    @Test
    void routesInsideTheJarCannotBeWatched() {
        assertThatThrownBy(() -> new RouteReload("classpath:routes", "classpath:routes/core/*.camel.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sluice.routes-location=file:");
    }
}
