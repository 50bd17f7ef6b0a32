package io.sluice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One executable, several roles. The role ({@code --sluice.role=core|edge|smsc-emulator|demo|mo},
 * or {@code SLUICE_ROLE}) becomes the active Spring profile, which selects the beans, the Camel routes
 * and the defaults ({@code application-<role>.yml}) of that role.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SluiceApplication {

    public static void main(String[] args) {
        Role role = Role.fromArguments(args, System.getenv());
        SpringApplication app = new SpringApplication(SluiceApplication.class);
        app.setAdditionalProfiles(role.profile());
        app.run(args);
    }
}
