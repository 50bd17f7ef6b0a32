package io.sluice.link.tls;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mutual TLS on the core↔edge link ({@code sluice.link.tls.*}, ADR 0015). On by default: a core or
 * edge without its stores refuses to start. Passwords come from the environment
 * ({@code SLUICE_LINK_TLS_KEYSTOREPASSWORD}) or from files through Spring Boot's
 * {@code spring.config.import=configtree:<folder>/}.
 *
 * @param enabled            false sends the link in clear text (a warning at every start)
 * @param keyStore           PKCS#12 file with this site's key and certificate chain (core: server, edge: client)
 * @param keyStorePassword   its password
 * @param trustStore         PKCS#12 file with the CA certificate the peer's certificate must chain to
 * @param trustStorePassword its password
 */
@ConfigurationProperties("sluice.link.tls")
public record LinkTlsProperties(
        @DefaultValue("true") boolean enabled,
        String keyStore,
        String keyStorePassword,
        String trustStore,
        String trustStorePassword) {

    /** The settings a site with TLS on still lacks; empty when complete (or TLS is off). */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (enabled) {
            addIfBlank(missing, keyStore, "sluice.link.tls.key-store");
            addIfBlank(missing, keyStorePassword, "sluice.link.tls.key-store-password");
            addIfBlank(missing, trustStore, "sluice.link.tls.trust-store");
            addIfBlank(missing, trustStorePassword, "sluice.link.tls.trust-store-password");
        }
        return missing;
    }

    private static void addIfBlank(List<String> missing, String value, String key) {
        if (value == null || value.isBlank()) {
            missing.add(key);
        }
    }
}
