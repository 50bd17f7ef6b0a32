package io.sluice.testsupport;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/** A broker that keeps its journal in a test's directory, so that a test can stop it and start it again from there. */
public final class PersistentBrokerConfiguration {

    private PersistentBrokerConfiguration() {
    }

    /** Persistent, no security, an in-VM acceptor at {@code vm://0}. */
    public static ConfigurationImpl in(Path dataDir) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalType(JournalType.NIO);
        // what is written reaches the journal file before stop(); no disk sync per send, to keep the tests quick
        configuration.setJournalSyncNonTransactional(false);
        configuration.setJournalDirectory(dataDir.resolve("journal").toString());
        configuration.setBindingsDirectory(dataDir.resolve("bindings").toString());
        configuration.setPagingDirectory(dataDir.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(dataDir.resolve("large").toString());
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        // the sites' dead-letter address (broker-config/*/broker.xml); without one Artemis warns for every queue
        configuration.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("sluice.dead")));
        return configuration;
    }
}
