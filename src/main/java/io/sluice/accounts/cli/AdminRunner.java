package io.sluice.accounts.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.OneShotRunner;
import io.sluice.cli.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Role {@code admin}: one {@code users ...} command against a running core's admin API; prints the
 * result (or why not) and ends the process with the matching exit code.
 */
@Component
@Profile("admin")
class AdminRunner extends OneShotRunner {

    private final ObjectMapper json;
    private final String token;

    AdminRunner(ConfigurableApplicationContext context, ObjectMapper json,
                @Value("${sluice.core.admin-token}") String token) {
        super(context);
        this.json = json;
        this.token = token;
    }

    @Override
    protected CommandOutcome execute(ApplicationArguments arguments) {
        AdminOptions options;
        try {
            options = AdminOptions.from(arguments, token, AdminRunner::firstLineOfStandardInput);
        } catch (IllegalArgumentException e) {
            return CommandOutcome.usage(e.getMessage(), AdminOptions.USAGE);
        }
        return new AdminCommand(new RestClient(httpClient(), json, HTTP_TIMEOUT, "the core")).run(options);
    }

    private static String firstLineOfStandardInput() {
        try {
            // not closed: closing would close System.in
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
    }
}
