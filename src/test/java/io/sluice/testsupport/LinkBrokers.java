package io.sluice.testsupport;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPBrokerConnectConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * Bare broker configurations for tests of the core↔edge link: an "edge" that dials a "core" over AMQP
 * as broker-config/edge/broker.xml does (re-dialling every 100 ms, for ever), and plain brokers
 * without persistence or security.
 */
public final class LinkBrokers {

    private LinkBrokers() {
    }

    /** An edge broker (in-VM acceptor {@code vmId}) whose broker connection "core" dials this port. */
    public static ConfigurationImpl edgeDialling(int vmId, int port) throws Exception {
        ConfigurationImpl configuration = plain("edge", "vm://" + vmId);
        AMQPBrokerConnectConfiguration core = new AMQPBrokerConnectConfiguration("core", "tcp://127.0.0.1:" + port);
        core.setRetryInterval(100);
        core.setReconnectAttempts(-1);
        configuration.addAMQPConnection(core);
        return configuration;
    }

    public static ConfigurationImpl plain(String name, String acceptor) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName(name);
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration(name, acceptor);
        // the sites' dead-letter address (broker-config/*/broker.xml); without one Artemis warns for every queue
        configuration.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("sluice.dead")));
        return configuration;
    }
}
