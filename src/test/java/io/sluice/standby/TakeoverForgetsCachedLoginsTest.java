package io.sluice.standby;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sluice.broker.SluiceSecurityManager;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core's broker trusts a login it checked for minutes (broker-config/core/broker.xml). The mirror's
 * login is good only while the standby is passive: once it takes over, a returning primary's mirror
 * must be asked again, and refused, even with the password that was accepted a moment before.
 */
class TakeoverForgetsCachedLoginsTest {

    private static final String MIRROR_PASSWORD = "mirror-secret";

    private final AtomicBoolean passive = new AtomicBoolean(true);
    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    @AfterEach
    void stop() throws Exception {
        broker.stop();
    }

    @Test
    void aMirrorLoginAcceptedWhilePassiveIsRefusedAfterTheTakeover() throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(true);
        configuration.setSecurityInvalidationInterval(300_000); // as broker-config/core/broker.xml
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        broker.setConfiguration(configuration);
        broker.setSecurityManager(new SluiceSecurityManager(
                new MirrorLogin(MIRROR_PASSWORD, passive::get, (login, password) -> Optional.empty()),
                (principal, check, address) -> true));
        broker.start();

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            try (Connection mirror = factory.createConnection(MirrorLogin.LOGIN, MIRROR_PASSWORD)) {
                mirror.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            }

            passive.set(false);
            StandbyBroker.closeMirror(broker.getActiveMQServer());

            assertThatThrownBy(() -> factory.createConnection(MirrorLogin.LOGIN, MIRROR_PASSWORD).close())
                    .isInstanceOf(JMSSecurityException.class);
        }
    }
}
