package io.sluice.standby;

import java.time.Clock;
import java.time.Duration;

import io.sluice.broker.SiteBroker;
import io.sluice.link.RingRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The core's side of a primary/standby pair: passive start, watching the primary, takeover (ADR 0014). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StandbyProperties.class)
@Profile("core")
public class StandbySite {

    /** How often a passive standby looks for its primary's mirror connection. */
    private static final Duration WATCH_EVERY = Duration.ofMillis(500);

    @Bean(destroyMethod = "close")
    StandbyCore standbyCore(StandbyProperties standby) {
        return new StandbyCore(standby.passive(), new TakeoverRule(standby.takeoverAfter()), Clock.systemUTC());
    }

    /** A passive standby's routes stay stopped: they would consume what the mirror copies in. */
    @Bean
    CamelContextConfiguration passiveRoutes(StandbyCore standbyCore) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                if (standbyCore.isPassive()) {
                    context.setAutoStartup(false);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                // started by the takeover
            }
        };
    }

    /** Once everything is up, a standby watches its primary; the takeover's steps, in their order. */
    @Bean
    ApplicationListener<ApplicationStartedEvent> standbyWatch(StandbyCore standbyCore, StandbyProperties standby,
                                                              SiteBroker coreBroker, RingRegistry coreRings,
                                                              CamelContext camel) {
        return started -> standbyCore.watch(
                () -> StandbyBroker.primaryConnected(coreBroker.server(), standby.mirrorPort()),
                () -> {
                    StandbyBroker.closeMirror(coreBroker.server());
                    coreRings.reloadAll();
                    camel.getRouteController().startAllRoutes();
                    StandbyBroker.serve(coreBroker.server());
                },
                WATCH_EVERY);
    }

    /**
     * Health {@code standby}, part of the core's readiness: a passive standby is alive but serves nobody
     * (OUT_OF_SERVICE); one whose takeover failed and has not yet succeeded is DOWN, with the reason.
     */
    @Bean
    HealthIndicator standbyHealthIndicator(StandbyCore standbyCore) {
        return () -> health(standbyCore.status());
    }

    static Health health(StandbyCore.Status status) {
        boolean passive = status.state() == StandbyCore.State.PASSIVE;
        boolean failing = passive && status.takeoverFailures() > 0;
        Health.Builder health = !passive ? Health.up() : failing ? Health.down() : Health.status(Status.OUT_OF_SERVICE);
        health.withDetail("state", status.state())
                .withDetail("standby", status.standby())
                .withDetail("primarySeen", status.primarySeen());
        if (failing) {
            health.withDetail("takeoverFailures", status.takeoverFailures())
                    .withDetail("lastTakeoverFailure", status.lastTakeoverFailure())
                    .withDetail("nextTakeoverAttempt", String.valueOf(status.nextTakeoverAttempt()));
        }
        return health.build();
    }
}
