package io.sluice.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sluice.broker.BrokerXml;
import io.sluice.broker.SiteBroker;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

/**
 * The other side of measurement 4: an Artemis broker started from the core's own
 * {@code broker-config/core/broker.xml} (same journal, sync, acceptor and address settings), with one
 * durable queue and no Camel, no routes, no accounts. It runs in a child process of its own, started
 * like the sites with the same JVM options, so the comparison is process against process.
 */
final class BareBroker {

    static final String QUEUE = "bench.chat";
    static final String DESTINATION = "/queue/" + QUEUE;

    private BareBroker() {
    }

    static SiteBroker start(int stompPort, Path dataDir) throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("bare-broker", Map.of(
                "sluice.site-data-dir", dataDir.toAbsolutePath().toString(),
                "sluice.broker.cluster-password", UUID.randomUUID().toString(),
                "sluice.core.bind-host", "127.0.0.1",
                "sluice.core.stomp-port", stompPort,
                "sluice.core.edge-port", BenchSites.freePort(),
                "sluice.core.max-stomp-connections", 1000,
                "sluice.core.max-stomp-frame-bytes", 65536)));
        var configuration = BrokerXml.load(new ClassPathResource("broker-config/core/broker.xml"),
                new PropertySourcesPropertyResolver(sources));
        return new SiteBroker(configuration, new AnyoneMaySendAndReceive(), List.of(SiteBroker.durableQueue(QUEUE)))
                .start();
    }

    /** The bare broker listens on 127.0.0.1 only and serves the benchmark's clients: no accounts to check. */
    private static final class AnyoneMaySendAndReceive implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String user, String password) {
            return true;
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return true;
        }
    }
}
