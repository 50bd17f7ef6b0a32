package io.sluice.wan.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.OneShotRunner;
import io.sluice.cli.RestClient;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Role {@code wan-ctl}: changes a running WAN simulator as the command line asks, prints its
 * resulting status (or why not) and ends the process with the matching exit code.
 */
@Component
@Profile("wan-ctl")
class WanCtlRunner extends OneShotRunner {

    private final ObjectMapper json;

    WanCtlRunner(ConfigurableApplicationContext context, ObjectMapper json) {
        super(context);
        this.json = json;
    }

    @Override
    protected CommandOutcome execute(ApplicationArguments arguments) {
        WanCtlOptions options;
        try {
            options = WanCtlOptions.from(arguments);
        } catch (IllegalArgumentException e) {
            return CommandOutcome.usage(e.getMessage(), WanCtlOptions.USAGE);
        }
        return new WanCtlCommand(new RestClient(httpClient(), json, HTTP_TIMEOUT, "the WAN simulator")).run(options);
    }
}
