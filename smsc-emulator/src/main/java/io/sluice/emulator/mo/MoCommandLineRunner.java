package io.sluice.emulator.mo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.OneShotRunner;
import io.sluice.cli.RestClient;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Role {@code mo}: sends one mobile-originated SMS through a running emulator, prints its id (or why
 * not) and ends the process with the matching exit code.
 */
@Component
@Profile("mo")
class MoCommandLineRunner extends OneShotRunner {

    private final ObjectMapper json;

    MoCommandLineRunner(ConfigurableApplicationContext context, ObjectMapper json) {
        super(context);
        this.json = json;
    }

    @Override
    protected CommandOutcome execute(ApplicationArguments arguments) {
        RestClient api = new RestClient(httpClient(), json, HTTP_TIMEOUT, "the SMSC emulator");
        return new MoCommand(api).run(MoOptions.from(arguments));
    }
}
