package io.sluice.emulator.mo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Role {@code mo}: sends one mobile-originated SMS through a running emulator, prints its id (or why
 * not) and ends the process with the matching exit code.
 */
@Component
@Profile("mo")
class MoCommandLineRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final ConfigurableApplicationContext context;
    private final ObjectMapper json;
    private volatile int exitCode;

    MoCommandLineRunner(ConfigurableApplicationContext context, ObjectMapper json) {
        this.context = context;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        MoCommand.Outcome outcome = new MoCommand(http, json, HTTP_TIMEOUT).run(MoOptions.from(arguments));
        (outcome.ok() ? System.out : System.err).println(outcome.message());
        exitCode = outcome.exitCode();
        // Runners run after the context is refreshed, so closing it here cannot deadlock with the
        // shutdown hook; SpringApplication.exit asks this bean for the code.
        System.exit(SpringApplication.exit(context));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
