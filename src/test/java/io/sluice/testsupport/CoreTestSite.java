package io.sluice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Properties;

import io.sluice.link.tls.LinkPki;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings of a core role started in the test's JVM by {@code @SpringBootTest}: its own data directory, free
 * STOMP and edge ports, and the edge link's mutual TLS with a CA made for the test (ADR 0015).
 */
public final class CoreTestSite {

    private CoreTestSite() {
    }

    /** Registers the settings; returns the STOMP port. */
    public static int register(DynamicPropertyRegistry registry, String name) throws IOException {
        Path data = Files.createTempDirectory(name);
        int stompPort = freePort();
        registry.add("sluice.data-dir", data::toString);
        registry.add("sluice.core.stomp-port", () -> stompPort);
        registry.add("sluice.core.edge-port", CoreTestSite::freePort);
        try {
            LinkPki pki = LinkPki.localInstallation(data.resolve("tls"), List.of());
            Properties tls = new Properties();
            try (InputStream in = Files.newInputStream(pki.coreSettings())) {
                tls.load(in);
            }
            tls.stringPropertyNames().forEach(key -> registry.add(key, () -> tls.getProperty(key)));
        } catch (GeneralSecurityException e) {
            throw new IOException("could not make the link's certificates", e);
        }
        return stompPort;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
