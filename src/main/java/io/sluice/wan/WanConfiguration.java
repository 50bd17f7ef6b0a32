package io.sluice.wan;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Role {@code wan}: one simulator, listening from start-up until the application closes. Its REST
 * API ({@code io.sluice.wan.web}) serves any {@link WanSimulator} bean, so other roles can embed one
 * the same way.
 */
@Configuration(proxyBeanMethods = false)
@Profile("wan")
@EnableConfigurationProperties(WanProperties.class)
class WanConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    WanSimulator wanSimulator(WanProperties properties) {
        return new WanSimulator(properties);
    }
}
