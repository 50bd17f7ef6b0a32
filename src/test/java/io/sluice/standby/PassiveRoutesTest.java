package io.sluice.standby;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.sluice.link.SiteLink;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.junit.jupiter.api.Test;

/** A passive standby's Camel context starts with no route running, the per-carrier ones included. */
class PassiveRoutesTest {

    @Test
    void noRouteRunsWhilePassiveAndAllRunAfterTheTakeover() throws Exception {
        StandbyCore standby = new StandbyCore(true, new TakeoverRule(Duration.ofSeconds(10)), Clock.systemUTC());
        CamelContextConfiguration passiveRoutes = new StandbySite().passiveRoutes(standby);
        CamelContextConfiguration perCarrier = SiteLink.perCarrierRoutes("send", List.of("alpha", "beta"));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:heartbeat?period=10").routeId("heartbeat").to("log:beat?level=OFF");
                    routeTemplate("send").templateParameter("carrier")
                            .from("timer:{{carrier}}?period=10").to("log:{{carrier}}?level=OFF");
                }
            });
            passiveRoutes.beforeApplicationStart(camel);
            camel.start();
            perCarrier.afterApplicationStart(camel);

            assertThat(camel.getRoutes()).hasSize(3);
            assertThat(startedRoutes(camel)).isZero();

            camel.getRouteController().startAllRoutes();
            assertThat(startedRoutes(camel)).isEqualTo(3);
        }
    }

    private static long startedRoutes(CamelContext camel) {
        return camel.getRoutes().stream()
                .filter(route -> camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted()).count();
    }
}
