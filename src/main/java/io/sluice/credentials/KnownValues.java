package io.sluice.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Credential values everybody knows, which no site outside the demo may use: every value of the demo's
 * credentials file (read from it, so the two cannot drift apart), the placeholders of the Kubernetes
 * manifests ({@code REPLACE-ME-…}, {@code CHANGEME}), and a few that people type.
 */
public final class KnownValues {

    /** The demo's credentials, a Spring profile of their own (ADR 0017). */
    public static final String DEMO_FILE = "application-" + DemoCredentials.PROFILE + ".yml";
    private static final Set<String> TYPED = Set.of("secret", "password", "changeme", "change-me", "admin", "sa");
    private static final String PLACEHOLDER_PREFIX = "replace-me";

    private final Set<String> known;

    private KnownValues(Set<String> known) {
        this.known = known;
    }

    /** The demo file's values (from the class path) and the usual suspects. */
    public static KnownValues load() {
        Set<String> known = new HashSet<>(TYPED);
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(DEMO_FILE, new ClassPathResource(DEMO_FILE))) {
                EnumerablePropertySource<?> values = (EnumerablePropertySource<?>) source;
                for (String key : values.getPropertyNames()) {
                    if (key.endsWith("password") || key.endsWith("token")) {
                        known.add(String.valueOf(values.getProperty(key)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEMO_FILE + " from the class path", e);
        }
        return new KnownValues(Set.copyOf(known));
    }

    /** Whether everybody knows this value (case does not matter). */
    public boolean contains(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return known.contains(lower) || lower.startsWith(PLACEHOLDER_PREFIX);
    }
}
