package io.sluice.emulator.mo;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cli.CommandFailure;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.RestClient;
import io.sluice.emulator.web.MoRequest;
import java.net.URI;

/**
 * Asks a running emulator to originate one SMS ({@code POST /api/mo}) and turns the answer into a line
 * to print (the message id) and an exit code ({@link CommandOutcome}).
 */
final class MoCommand {

    private static final String MO_PATH = "api/mo";
    private static final int HTTP_ACCEPTED = 202;

    private final RestClient api;

    MoCommand(RestClient api) {
        this.api = api;
    }

    CommandOutcome run(MoOptions options) {
        URI endpoint = options.emulatorUrl().resolve(MO_PATH);
        try {
            JsonNode accepted = api.call(api.withJson(api.request(endpoint), "POST",
                    new MoRequest(options.from(), options.to(), options.text(), options.shuffle() ? Boolean.TRUE : null)).build(), HTTP_ACCEPTED);
            return CommandOutcome.done(accepted.path("id").asText());
        } catch (CommandFailure failure) {
            CommandOutcome outcome = failure.outcome();
            // most refusals name a missing or malformed option: show how the command line should look
            return outcome.exitCode() == CommandOutcome.EXIT_REJECTED
                    ? new CommandOutcome(outcome.exitCode(), outcome.message() + System.lineSeparator() + MoOptions.USAGE)
                    : outcome;
        }
    }
}
