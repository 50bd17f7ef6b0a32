package io.sluice.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.sluice.accounts.Accounts;
import io.sluice.accounts.UserDirectory;
import io.sluice.broker.BrokerPagingHealthIndicator;
import io.sluice.broker.BrokerXml;
import io.sluice.broker.CamelJms;
import io.sluice.broker.InVmConnectionFactory;
import io.sluice.broker.SiteBroker;
import io.sluice.core.stomp.StompDiskFullRefusal;
import io.sluice.core.stomp.StompFrameLimit;
import io.sluice.core.stomp.StompSelectorRefusal;
import io.sluice.core.stomp.StompTextCheck;
import io.sluice.broker.SluiceSecurityManager;
import io.sluice.broker.SystemCredentials;
import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.carrier.CarrierRouter;
import io.sluice.im.ChatDispatcher;
import io.sluice.im.ConversationLinks;
import io.sluice.im.EdgeEventRelay;
import io.sluice.im.MoRouter;
import io.sluice.im.PhoneCommands;
import io.sluice.im.SendLimits;
import io.sluice.link.CoreLinkEnd;
import io.sluice.link.LinkIdleTimeout;
import io.sluice.link.LinkMessages;
import io.sluice.link.LinkMonitor;
import io.sluice.link.LinkProperties;
import io.sluice.link.MtOrigin;
import io.sluice.link.Resync;
import io.sluice.link.RingJmx;
import io.sluice.link.RingMeters;
import io.sluice.link.RingRegistry;
import io.sluice.link.SiteLink;
import io.sluice.link.tls.LinkTls;
import io.sluice.link.tls.LinkTlsProperties;
import io.sluice.ring.Direction;
import io.sluice.ring.RingSizes;
import io.sluice.standby.MirrorLogin;
import io.sluice.standby.StandbyBroker;
import io.sluice.standby.StandbyCore;
import io.sluice.standby.StandbyProperties;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/** The core site: its broker, the JMS wiring of its routes, and the beans the routes call. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CoreProperties.class, CoreSmsProperties.class, LinkProperties.class, LinkTlsProperties.class,
        SendLimits.class})
@Profile("core")
public class CoreSite {

    /** The acceptor of broker-config/core/broker.xml that the edges dial (mutual TLS, ADR 0015). */
    static final String EDGE_ACCEPTOR = "edges";

    @Bean
    SystemCredentials systemCredentials() {
        return new SystemCredentials();
    }

    @Bean(destroyMethod = "close")
    SiteBroker coreBroker(CoreProperties core, SystemCredentials system, Accounts accounts, Environment environment,
                          ResourceLoader resources, @Value("${sluice.broker.config}") String brokerXml,
                          List<ActiveMQServerBasePlugin> sitePlugins, LinkTlsProperties linkTls,
                          StandbyProperties standby, StandbyCore standbyCore, LinkProperties link) throws Exception {
        var configuration = BrokerXml.load(resources.getResource(brokerXml), environment);
        LinkTls.secureAcceptor(configuration, EDGE_ACCEPTOR, linkTls);
        LinkIdleTimeout.onAcceptor(configuration, EDGE_ACCEPTOR, link.connectionIdleTimeout());
        List<QueueConfiguration> queues = new ArrayList<>();
        // Accounts created later get theirs from BrokerAccounts.
        accounts.logins().forEach(user -> queues.add(SiteBroker.durableQueue(Destinations.inboxOf(user))));
        for (String carrier : core.carriers().keySet()) {
            queues.add(SiteBroker.durableQueue(Destinations.mtQueueOf(carrier)));
            queues.add(SiteBroker.durableQueue(LinkMessages.mtData(carrier)));
            queues.add(SiteBroker.durableQueue(LinkMessages.toEdge(carrier)));
        }
        queues.addAll(SiteLink.ringQueues(core.carriers().keySet()));
        configuration.registerBrokerPlugin(new EdgeCarrierGuard());
        configuration.registerBrokerPlugin(new DurableOutbox());
        // STOMP bad input (ADR 0018): frames beyond the limit end the connection; text that is not UTF-8 is
        // marked (StompTextCheck, below); a SEND while the disk is full is refused (StompDiskFullRefusal)
        configuration.registerBrokerPlugin(new StompFrameLimit(core.maxStompFrameBytes()));
        sitePlugins.forEach(configuration::registerBrokerPlugin); // the inboxes' and presence's (InboxConfiguration)
        // A primary/standby pair (ADR 0014): the primary mirrors, the standby listens for it and serves nobody yet.
        if (standby.mirrors()) {
            StandbyBroker.mirrorTo(configuration, standby);
        }
        if (standbyCore.isPassive()) {
            StandbyBroker.holdBackServing(configuration, core.bindHost(), standby.mirrorPort());
        }
        var logins = new MirrorLogin(standby.mirrorPassword(), standbyCore::acceptsMirror,
                new CoreAuthenticator(system, core, accounts));
        var security = new SluiceSecurityManager(logins, new CoreAccessPolicy());
        SiteBroker broker = new SiteBroker(configuration, security, queues);
        broker.addIncomingInterceptor(new StompDiskFullRefusal(broker::diskFull));
        broker.addIncomingInterceptor(new StompTextCheck());
        broker.addIncomingInterceptor(new StompSelectorRefusal()); // ADR 0037: CVE-2026-75880 until Artemis 2.57
        return SiteLink.startWithShardedRings(broker, core.carriers().keySet());
    }

    @Bean
    BrokerAccounts brokerAccounts(SiteBroker coreBroker) {
        return new BrokerAccounts(coreBroker);
    }

    @Bean(destroyMethod = "close")
    @DependsOn("coreBroker")
    ActiveMQConnectionFactory coreConnectionFactory(SystemCredentials system) {
        return InVmConnectionFactory.create(system, InVmConnectionFactory.DEFAULT_WINDOW_BYTES);
    }

    @Bean("jms")
    JmsComponent jms(ActiveMQConnectionFactory coreConnectionFactory) {
        return CamelJms.component(coreConnectionFactory);
    }

    @Bean
    ApplicationListener<ApplicationStartedEvent> jmsSettingsGuard(CamelContext camel) {
        return CamelJms.settingsGuard(camel);
    }

    @Bean
    ConversationLinks conversationLinks(@Value("${sluice.site-data-dir}") Path siteDataDir) {
        return new ConversationLinks(siteDataDir.resolve("conversation-links.properties"));
    }

    @Bean
    CarrierRouter carrierRouter(CoreProperties core) {
        Map<String, List<String>> prefixes = new TreeMap<>();
        core.carriers().forEach((name, carrier) -> prefixes.put(name, carrier.prefixes()));
        return new CarrierRouter(prefixes);
    }

    @Bean
    ChatDispatcher chatDispatcher(UserDirectory users, CarrierRouter carriers, ConversationLinks links,
                                  @Value("${sluice.core.max-text-chars}") int maxTextChars, SendLimits limits) {
        return new ChatDispatcher(users, carriers, links, maxTextChars, limits.rateLimit(), limits.blockedPrefixes());
    }

    /** The {@code batchListener} of route {@code chat-dispatch}: rate tokens follow each batch's transaction. */
    @Bean
    BatchListener chatDispatchBatches(ChatDispatcher chatDispatcher) {
        return chatDispatcher.tokensBackOnRollback();
    }

    @Bean
    MoRouter moRouter(UserDirectory users, ConversationLinks links, PhoneCommands phoneCommands) {
        return new MoRouter(users, links, phoneCommands);
    }

    @Bean
    RingRegistry coreRings(ActiveMQConnectionFactory coreConnectionFactory, CoreProperties core, StandbyCore standbyCore) {
        Map<String, RingSizes> sizes = new TreeMap<>();
        core.carriers().forEach((name, carrier) -> sizes.put(name, carrier.ringSizes()));
        // a passive standby's stores are the primary's mirror's to write until it takes over (ADR 0039)
        return SiteLink.ringsOfSizes(coreConnectionFactory, sizes, !standbyCore.isPassive(), Direction.MT);
    }

    @Bean
    LinkMonitor linkMonitor(LinkProperties link) {
        return new LinkMonitor(link.extendedInterruption(), Clock.systemUTC());
    }

    @Bean
    MtOrigin mtOrigin(RingRegistry coreRings, LinkProperties link, CoreSmsProperties sms) {
        return new MtOrigin(coreRings, link.retrievePatience(), sms.validity(), Clock.systemUTC());
    }

    @Bean
    CoreLinkEnd coreLinkEnd(RingRegistry coreRings, MoRouter moRouter, LinkMonitor linkMonitor, LinkProperties link,
                            CoreProperties core) {
        Resync resync = new Resync(link.extendedInterruption().multipliedBy(2), Clock.systemUTC());
        return new CoreLinkEnd(coreRings, moRouter, linkMonitor, resync, Set.copyOf(core.carriers().keySet()),
                Clock.systemUTC());
    }

    /**
     * The {@code batchListener} of the core's link routes: their ring changes follow each batch's
     * transaction, and a reconnection whose replay rolled back is not taken as heard (ADR 0025, 0026).
     */
    @Bean
    BatchListener coreLinkBatches(RingRegistry coreRings, LinkMonitor linkMonitor) {
        return BatchListener.all(coreRings, linkMonitor);
    }

    @Bean(destroyMethod = "close")
    RingJmx ringJmx(RingRegistry coreRings, LinkMonitor linkMonitor, CoreProperties core) throws Exception {
        return new RingJmx(coreRings, linkMonitor, core.carriers().keySet());
    }

    /** Health {@code brokerPaging}, part of the core's readiness: PAGING is visible but answers 200 (ADR 0010). */
    @Bean
    BrokerPagingHealthIndicator brokerPagingHealthIndicator(SiteBroker coreBroker) {
        return new BrokerPagingHealthIndicator(coreBroker.server());
    }

    @Bean
    RingMeters ringMeters(RingRegistry coreRings, LinkMonitor linkMonitor, CoreProperties core) {
        return new RingMeters(coreRings, linkMonitor, core.carriers().keySet());
    }

    @Bean
    CamelContextConfiguration mtSendRoutes(CoreProperties core) {
        return SiteLink.perCarrierRoutes("ring-mt-send", Set.copyOf(core.carriers().keySet()));
    }

    @Bean
    EdgeEventRelay edgeEventRelay(UserDirectory users) {
        return new EdgeEventRelay(users);
    }
}
