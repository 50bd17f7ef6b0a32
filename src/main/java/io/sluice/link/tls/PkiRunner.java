package io.sluice.link.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sluice.cli.CommandOutcome;
import io.sluice.cli.OneShotRunner;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Role {@code pki}: makes the link's CA in a folder (or opens the one there) and issues the core's
 * and the edges' certificates (ADR 0015). The password comes from {@code --sluice.pki.password} or
 * the environment ({@code SLUICE_PKI_PASSWORD}); there is no default.
 */
@Component
@Profile("pki")
class PkiRunner extends OneShotRunner {

    static final String USAGE = """
            java -jar sluice.jar --sluice.role=pki --sluice.pki.dir=<folder> [--sluice.pki.core-hosts=<host>,...]
                 [--sluice.pki.carriers=<carrier>,...]   (password: SLUICE_PKI_PASSWORD or --sluice.pki.password)""";

    private final Environment environment;

    PkiRunner(ConfigurableApplicationContext context, Environment environment) {
        super(context);
        this.environment = environment;
    }

    @Override
    protected CommandOutcome execute(ApplicationArguments arguments) {
        String dir = environment.getProperty("sluice.pki.dir");
        String password = environment.getProperty("sluice.pki.password");
        if (dir == null || dir.isBlank()) {
            return CommandOutcome.usage("--sluice.pki.dir is required", USAGE);
        }
        if (password == null || password.length() < 12) {
            return CommandOutcome.usage("a password of at least 12 characters is required", USAGE);
        }
        List<String> hosts = list("sluice.pki.core-hosts");
        List<String> carriers = list("sluice.pki.carriers");
        if (hosts.isEmpty() && carriers.isEmpty()) {
            return CommandOutcome.usage("nothing to issue: give --sluice.pki.core-hosts and/or --sluice.pki.carriers", USAGE);
        }
        try {
            Path folder = Path.of(dir);
            boolean existed = LinkPki.exists(folder);
            LinkPki pki = existed ? LinkPki.open(folder, password.toCharArray()) : LinkPki.create(folder, password.toCharArray());
            List<String> made = new ArrayList<>();
            made.add((existed ? "CA (existing): " : "CA: ") + folder.resolve(LinkPki.TRUST_STORE) + " (trust store of every site)");
            if (!hosts.isEmpty()) {
                made.add("core, for " + hosts + ": " + pki.issueCore(hosts));
            }
            for (String carrier : carriers) {
                made.add("edge " + carrier + ": " + pki.issueEdge(carrier));
            }
            return CommandOutcome.done(String.join(System.lineSeparator(), made));
        } catch (Exception e) {
            return new CommandOutcome(CommandOutcome.EXIT_REJECTED, "Could not issue the certificates: " + e.getMessage());
        }
    }

    private List<String> list(String key) {
        String value = environment.getProperty(key, "");
        return value.isBlank() ? List.of() : List.of(value.split("\\s*,\\s*"));
    }
}
