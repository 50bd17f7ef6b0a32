package io.sluice.cli;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command-line role: runs once when the application has started, prints its outcome (results on
 * standard output, refusals on standard error) and ends the process with the outcome's exit code.
 */
public abstract class OneShotRunner implements ApplicationRunner, ExitCodeGenerator {

    /** How long a command waits for a connection and for each answer. */
    protected static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final ConfigurableApplicationContext context;
    private volatile int exitCode;

    protected OneShotRunner(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Does the work; a {@link CommandFailure} thrown from here is printed like any other outcome. */
    protected abstract CommandOutcome execute(ApplicationArguments arguments);

    @Override
    public final void run(ApplicationArguments arguments) {
        CommandOutcome outcome;
        try {
            outcome = execute(arguments);
        } catch (CommandFailure failure) {
            outcome = failure.outcome();
        }
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

    protected static HttpClient httpClient() {
        return HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    }
}
