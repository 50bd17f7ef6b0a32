package io.sluice.wan.ctl;

import java.net.http.HttpClient;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Role {@code wan-ctl}: changes a running WAN simulator as the command line asks, prints its
 * resulting status (or why not) and ends the process with the matching exit code.
 */
@Component
@Profile("wan-ctl")
class WanCtlRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final ConfigurableApplicationContext context;
    private final ObjectMapper json;
    private volatile int exitCode;

    WanCtlRunner(ConfigurableApplicationContext context, ObjectMapper json) {
        this.context = context;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        WanCtlCommand.Outcome outcome = execute(arguments);
        (outcome.ok() ? System.out : System.err).println(outcome.message());
        exitCode = outcome.exitCode();
        // Runners run after the context is refreshed, so closing it here cannot deadlock with the
        // shutdown hook; SpringApplication.exit asks this bean for the code.
        System.exit(SpringApplication.exit(context));
    }

    private WanCtlCommand.Outcome execute(ApplicationArguments arguments) {
        WanCtlOptions options;
        try {
            options = WanCtlOptions.from(arguments);
        } catch (IllegalArgumentException e) {
            return new WanCtlCommand.Outcome(WanCtlCommand.EXIT_USAGE,
                    e.getMessage() + System.lineSeparator() + WanCtlOptions.USAGE);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        return new WanCtlCommand(http, json, HTTP_TIMEOUT).run(options);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
