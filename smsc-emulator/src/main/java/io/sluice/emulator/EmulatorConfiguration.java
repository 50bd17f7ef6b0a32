package io.sluice.emulator;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Role {@code smsc-emulator}: the emulator, started with the application and closed with it. */
@Configuration(proxyBeanMethods = false)
@Profile("smsc-emulator")
@EnableConfigurationProperties(EmulatorProperties.class)
class EmulatorConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    SmscEmulator smscEmulator(EmulatorProperties properties) {
        return new SmscEmulator(properties, Clock.systemUTC());
    }
}
