package io.sluice.routes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code sluice.routes-reload=true}: the site reloads a route file when it changes (see {@link RouteReload}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sluice.routes-reload", havingValue = "true")
public class RouteReloadConfiguration {

    @Bean
    RouteReload routeReload(@Value("${sluice.routes-location}") String routesLocation,
                            @Value("${camel.main.routes-include-pattern:}") String includePatterns) {
        return new RouteReload(routesLocation, includePatterns);
    }
}
