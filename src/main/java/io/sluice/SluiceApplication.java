package io.sluice;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One executable, several roles. The role ({@code --sluice.role=core|edge|smsc-emulator|demo|mo|wan|wan-ctl|admin|bench},
 * or {@code SLUICE_ROLE}) becomes the active Spring profile, which selects the beans, the Camel routes
 * and the defaults ({@code application-<role>.yml}) of that role.
 */
@SpringBootApplication
public class SluiceApplication {

    public static void main(String[] args) {
        Role role = Role.fromArguments(args, System.getenv());
        SpringApplication app = new SpringApplication(SluiceApplication.class);
        app.setAdditionalProfiles(role.profile());
        app.setDefaultProperties(Map.of(
                "sluice.role", role.profile(),
                // Nothing clusters; Artemis still wants a cluster password, so it is random per start.
                "sluice.broker.cluster-password", UUID.randomUUID().toString()));
        app.run(args);
    }
}
