package io.sluice.edge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.broker.BrokerPagingHealthIndicator;
import io.sluice.broker.BrokerXml;
import io.sluice.broker.CamelJms;
import io.sluice.broker.InVmConnectionFactory;
import io.sluice.broker.SessionReusingTransactionManager;
import io.sluice.broker.SiteBroker;
import io.sluice.broker.SluiceSecurityManager;
import io.sluice.broker.SystemCredentials;
import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.edge.intake.MoIntakeLog;
import io.sluice.edge.intake.MoIntakeMover;
import io.sluice.edge.intake.MovedMarker;
import io.sluice.link.EdgeLinkEnd;
import io.sluice.link.LinkIdleTimeout;
import io.sluice.link.LinkMonitor;
import io.sluice.link.LinkProperties;
import io.sluice.link.Resync;
import io.sluice.link.RingJmx;
import io.sluice.link.RingMeters;
import io.sluice.link.RingRegistry;
import io.sluice.link.SiteLink;
import io.sluice.link.tls.LinkTls;
import io.sluice.link.tls.LinkTlsProperties;
import io.sluice.ring.Direction;
import io.sluice.ring.RingSizes;
import io.sluice.sms.cimd2.client.Cimd2Component;
import io.sluice.sms.smpp.BoundedSmppComponent;
import io.sluice.sms.smpp.GuardedSmppBinding;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.jms.core.JmsTemplate;

/** An edge site: its broker (which dials the core), the JMS wiring, and the beans the routes call. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EdgeProperties.class, LinkProperties.class, LinkTlsProperties.class})
@Profile("edge")
public class EdgeSite {

    /** How many SMSC message ids are remembered for matching delivery receipts. */
    private static final Logger LOG = LoggerFactory.getLogger(EdgeSite.class);
    private static final int RECEIPT_CORRELATIONS = 100_000;
    /** Incomplete MO messages held at once; one more releases the oldest early, with markers. */
    private static final int MAX_PENDING_MO = 1000;

    /** SMSC delivery receipts stored by {@code smsc-receive} until {@code smsc-receipts} matched them (ADR 0016). */
    public static String receiptsQueueOf(String carrier) {
        return "sluice.receipts." + carrier;
    }

    @Bean
    SystemCredentials systemCredentials() {
        return new SystemCredentials();
    }

    @Bean(destroyMethod = "close")
    SiteBroker edgeBroker(SystemCredentials system, Environment environment, ResourceLoader resources,
                          @Value("${sluice.broker.config}") String brokerXml, EdgeProperties edge,
                          LinkTlsProperties linkTls, LinkProperties link) throws Exception {
        var configuration = BrokerXml.load(resources.getResource(brokerXml), environment);
        LinkTls.secureBrokerConnections(configuration, linkTls);
        LinkIdleTimeout.onBrokerConnections(configuration, link.connectionIdleTimeout());
        var security = new SluiceSecurityManager(system, new EdgeAccessPolicy());
        List<QueueConfiguration> queues = new ArrayList<>(SiteLink.ringQueues(List.of(edge.carrier())));
        queues.add(SiteBroker.durableQueue(MoPartStore.queueOf(edge.carrier())));
        queues.add(SiteBroker.durableQueue(receiptsQueueOf(edge.carrier())));
        queues.add(SiteBroker.lastValueQueue(MovedMarker.queueOf(edge.carrier()), MovedMarker.KEY));
        // a ring queue: the oldest record goes when a new one would exceed receipts-kept-on-disk (ADR 0029);
        // CIMD2 writes a marker per report as well, so its ring holds twice as many
        String correlations = ReceiptCorrelations.queueOf(edge.carrier());
        long ringSize = (long) edge.receiptsKeptOnDisk() * (edge.smsc().protocol() == EdgeProperties.Protocol.CIMD2 ? 2 : 1);
        queues.add(SiteBroker.durableQueue(correlations).setRingSize(ringSize));
        // A ring queue must not page (paged messages escape its size, and nothing would read them back): when the
        // broker's memory is full, a new record is dropped instead; memory still matches its receipt.
        configuration.addAddressSetting(correlations,
                new AddressSettings().setAddressFullMessagePolicy(AddressFullMessagePolicy.DROP));
        return SiteLink.startWithShardedRings(new SiteBroker(configuration, security, queues), List.of(edge.carrier()));
    }

    /**
     * Consumers on this factory hold no message beyond the one in hand (Artemis
     * consumerWindowSize=0): the SMSC route takes the next MT only after the current one's
     * transaction committed, i.e. after submit_sm_resp.
     */
    @Bean(destroyMethod = "close")
    @DependsOn("edgeBroker")
    ActiveMQConnectionFactory edgeConnectionFactory(SystemCredentials system) {
        return InVmConnectionFactory.create(system, InVmConnectionFactory.PREFETCH_ONE);
    }

    /**
     * The SMSC route's consumer of its feed: a buffering factory, so the next MT is in memory when the
     * SMSC answers (ADR 0021). Separate from the routes' factory: nothing may write the rings on this
     * consumer's untransacted session.
     */
    @Bean(destroyMethod = "close")
    @DependsOn("edgeBroker")
    ActiveMQConnectionFactory edgeFeedConnectionFactory(SystemCredentials system) {
        return InVmConnectionFactory.create(system, InVmConnectionFactory.DEFAULT_WINDOW_BYTES);
    }

    @Bean("jms")
    JmsComponent jms(ActiveMQConnectionFactory edgeConnectionFactory) {
        return CamelJms.component(edgeConnectionFactory);
    }

    @Bean
    ApplicationListener<ApplicationStartedEvent> jmsSettingsGuard(CamelContext camel) {
        return CamelJms.settingsGuard(camel);
    }

    @Bean
    ReceiptCorrelations receiptCorrelations(ActiveMQConnectionFactory edgeConnectionFactory, EdgeProperties edge) {
        JmsTemplate jms = new JmsTemplate(edgeConnectionFactory);
        jms.setSessionTransacted(true); // joins the edgeTransaction of the CIMD2 report being handled
        return new ReceiptCorrelations(jms, edge.carrier());
    }

    /** What the SMSC's ids stand for, read back from disk before any route runs (ADR 0029). */
    @Bean
    ReceiptCorrelator receiptCorrelator(ReceiptCorrelations correlations) {
        ReceiptCorrelator correlator = new ReceiptCorrelator(RECEIPT_CORRELATIONS);
        long started = System.nanoTime();
        int records = correlations.loadInto(correlator);
        LOG.info("Receipt correlations: {} record(s) read back in {} ms", records,
                (System.nanoTime() - started) / 1_000_000);
        return correlator;
    }

    @Bean
    RingRegistry edgeRings(ActiveMQConnectionFactory edgeConnectionFactory, EdgeProperties edge) {
        return SiteLink.ringsOfSizes(edgeConnectionFactory,
                Map.of(edge.carrier(), new RingSizes(edge.ringSlots(), edge.moRingSlots())), true, Direction.MO);
    }

    @Bean
    LinkMonitor linkMonitor(LinkProperties link) {
        return new LinkMonitor(link.extendedInterruption(), Clock.systemUTC());
    }

    @Bean
    EdgeLinkEnd edgeLinkEnd(EdgeProperties edge, RingRegistry edgeRings, LinkMonitor linkMonitor, LinkProperties link,
                            ReceiptCorrelator receipts) {
        Resync resync = new Resync(link.extendedInterruption().multipliedBy(2), Clock.systemUTC());
        return new EdgeLinkEnd(edge.carrier(), edge.serviceNumber(), edgeRings, linkMonitor, resync, receipts,
                Clock.systemUTC());
    }

    /**
     * The {@code batchListener} of the edge's link routes: their ring changes follow each batch's
     * transaction, and a reconnection whose replay rolled back is not taken as heard (ADR 0025, 0026).
     */
    @Bean
    BatchListener edgeLinkBatches(RingRegistry edgeRings, LinkMonitor linkMonitor) {
        return BatchListener.all(edgeRings, linkMonitor);
    }

    @Bean(destroyMethod = "close")
    RingJmx ringJmx(RingRegistry edgeRings, LinkMonitor linkMonitor, EdgeProperties edge) throws Exception {
        return new RingJmx(edgeRings, linkMonitor, List.of(edge.carrier()));
    }

    @Bean
    RingMeters ringMeters(RingRegistry edgeRings, LinkMonitor linkMonitor, EdgeProperties edge) {
        return new RingMeters(edgeRings, linkMonitor, List.of(edge.carrier()));
    }

    /** Submits and deliveries of this edge's SMSC session, for its MBean. */
    @Bean
    CarrierTraffic carrierTraffic() {
        return new CarrierTraffic(System::currentTimeMillis);
    }

    /** Camel adds every EventNotifier bean to the context before the routes start. */
    @Bean
    SmscSubmitMeter smscSubmitMeter(MeterRegistry registry, CarrierTraffic carrierTraffic, EdgeProperties edge) {
        return new SmscSubmitMeter(registry, carrierTraffic, edge.carrier(), protocolName(edge));
    }

    @Bean
    SmscDeliveryCounter smscDeliveryCounter(MeterRegistry registry, CarrierTraffic carrierTraffic, EdgeProperties edge) {
        return new SmscDeliveryCounter(registry, carrierTraffic, edge.carrier(), protocolName(edge));
    }

    /** Passed to camel-smpp as the endpoint's sessionStateListener (routes/edge-smpp/smsc-submit). */
    @Bean
    SmppBindState smppBindState() {
        return new SmppBindState();
    }

    /** Named in routes/edge/smsc-errors: an unanswered submit_sm ends the bind (ADR 0016); a no-op on CIMD2. */
    @Bean
    SmppUnansweredRebind smppUnansweredRebind(SmppBindState smppBindState) {
        return new SmppUnansweredRebind(smppBindState);
    }

    /** The SMSC session's state: camel-smpp's, reported to {@link SmppBindState}, or the cimd2: endpoint's. */
    @Bean
    SmscBind smscBind(EdgeProperties edge, SmppBindState smppBindState, CamelContext camel) {
        return edge.smsc().protocol() == EdgeProperties.Protocol.CIMD2 ? new Cimd2BindState(camel) : smppBindState;
    }

    /** Health {@code smsc}: the edge is ready only while it holds its SMSC session (ADR 0010). */
    @Bean
    SmscHealthIndicator smscHealthIndicator(EdgeProperties edge, SmscBind smscBind) {
        return new SmscHealthIndicator(smscBind, protocolName(edge), smscAddress(edge));
    }

    @Bean(destroyMethod = "close")
    CarrierJmx carrierJmx(EdgeProperties edge, SmscBind smscBind, CarrierTraffic carrierTraffic, MeterRegistry registry)
            throws Exception {
        return new CarrierJmx(new CarrierJmx.CarrierView(edge.carrier(), protocolName(edge), smscAddress(edge), smscBind,
                carrierTraffic, registry));
    }

    private static String protocolName(EdgeProperties edge) {
        return edge.smsc().protocol().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String smscAddress(EdgeProperties edge) {
        return edge.smsc().host() + ":" + edge.smsc().port();
    }

    /** Health {@code coreLink}: shown, not part of readiness (ADR 0010). */
    @Bean
    CoreLinkHealthIndicator coreLinkHealthIndicator(SiteBroker edgeBroker, LinkMonitor linkMonitor, EdgeProperties edge) {
        return new CoreLinkHealthIndicator(edgeBroker.server(), linkMonitor.state(edge.carrier()));
    }

    /**
     * Health {@code brokerPaging}, part of the edge's readiness as of the core's: PAGING (HTTP 200) while a
     * backlog pages to disk, DOWN while the disk is full (ADR 0010, 0018).
     */
    @Bean
    BrokerPagingHealthIndicator brokerPagingHealthIndicator(SiteBroker edgeBroker) {
        return new BrokerPagingHealthIndicator(edgeBroker.server());
    }

    /**
     * Local transactions for routes that do not start from a JMS consumer (the SMSC's deliver_sm), on
     * sessions kept open between them: opening a connection per deliver_sm cost 5 ms of MO turnaround.
     */
    @Bean
    SessionReusingTransactionManager edgeTransactionManager(ActiveMQConnectionFactory edgeConnectionFactory) {
        return new SessionReusingTransactionManager(edgeConnectionFactory);
    }

    @Bean
    SpringTransactionPolicy edgeTransaction(SessionReusingTransactionManager edgeTransactionManager) {
        return new OneAtATimeTransactionPolicy(edgeTransactionManager);
    }

    @Bean
    SmscSubmit smscSubmit(EdgeProperties edge) {
        return new SmscSubmit(edge.requestReceipts(), edge.sms().maxParts());
    }

    @Bean
    MtValidity mtValidity() {
        return new MtValidity(Clock.systemUTC());
    }

    @Bean
    EdgeEvents edgeEvents(EdgeProperties edge, ReceiptCorrelator receipts, SiteBroker edgeBroker) {
        return new EdgeEvents(edge.carrier(), receipts, new ReportedEvents(edgeBroker.server())::contains);
    }

    @Bean
    MoPartStore moPartStore(ActiveMQConnectionFactory edgeConnectionFactory, EdgeProperties edge) {
        JmsTemplate jms = new JmsTemplate(edgeConnectionFactory);
        jms.setSessionTransacted(true); // joins the edgeTransaction of the deliver_sm being handled
        return new MoPartStore(jms, edge.carrier());
    }

    @Bean
    MoAssembly moAssembly(MoPartStore moPartStore, EdgeLinkEnd edgeLinkEnd, EdgeProperties edge) {
        return new MoAssembly(moPartStore, edgeLinkEnd, Clock.systemUTC(), edge.sms().reassemblyTimeout(),
                MAX_PENDING_MO);
    }

    @Bean
    MoIntake moIntake(EdgeLinkEnd edgeLinkEnd, MoAssembly moAssembly, SiteBroker edgeBroker) {
        return new MoIntake(edgeLinkEnd, moAssembly, edgeBroker::diskFull);
    }

    /**
     * MO texts on disk before the SMSC is answered, moved into the MO ring afterwards (ADR 0038). Read back
     * before any route runs: the records after the last moved wait for the mover.
     */
    @Bean(destroyMethod = "close")
    MoIntakeLog moIntakeLog(@Value("${sluice.site-data-dir}") Path siteDataDir, ActiveMQConnectionFactory edgeConnectionFactory,
                            MoIntake moIntake, EdgeProperties edge, SiteBroker edgeBroker, MeterRegistry registry)
            throws IOException {
        MoIntakeLog.MoHandler handler = edge.smsc().protocol() == EdgeProperties.Protocol.CIMD2
                ? moIntake::fromCimd2 : moIntake::send;
        MoIntakeLog log = new MoIntakeLog(siteDataDir.resolve("mo-intake"),
                new MovedMarker(new JmsTemplate(edgeConnectionFactory), edge.carrier()), MoIntake.HEADERS_READ, handler,
                edge.moIntakeMaxPending(), edgeBroker::diskFull);
        Gauge.builder("sluice.mo.intake.pending", log, MoIntakeLog::pendingCount)
                .description("MO texts on disk in the intake log, not yet in the MO ring (ADR 0038)")
                .tags("carrier", edge.carrier())
                .register(registry);
        return log;
    }

    /** Starts once the routes run (route mo-intake-move), stops when they begin to stop. */
    @Bean(destroyMethod = "close")
    MoIntakeMover moIntakeMover(MoIntakeLog moIntakeLog, CamelContext camel) {
        return MoIntakeMover.attachedTo(camel, moIntakeLog);
    }

    /** The {@code cimd2:} endpoints of routes/edge-cimd2 (ADR 0009); unused while the protocol is SMPP. */
    @Bean("cimd2")
    Cimd2Component cimd2Component() {
        return new Cimd2Component();
    }

    /** The SMSC route's bookkeeper: outcomes committed in groups while the next submit is out (ADR 0021). */
    @Bean(destroyMethod = "close")
    MtOutcomes mtOutcomes(ActiveMQConnectionFactory edgeConnectionFactory, RingRegistry edgeRings, EdgeProperties edge) {
        MtOutcomes outcomes = new MtOutcomes(edgeConnectionFactory, edgeRings.get(Direction.MT, edge.carrier()),
                edge.smsc().maxUnsyncedOutcomes());
        outcomes.start();
        return outcomes;
    }

    /** Before any route runs: the SMSC route's feed holds what the MT ring says still waits (ADR 0021). */
    @Bean
    CamelContextConfiguration mtFeedRebuild(SiteBroker edgeBroker, ActiveMQConnectionFactory edgeConnectionFactory,
                                            RingRegistry edgeRings, EdgeLinkEnd edgeLinkEnd, EdgeProperties edge) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    MtFeed.rebuild(edgeBroker.server(), edgeConnectionFactory,
                            edgeRings.get(Direction.MT, edge.carrier()), edgeLinkEnd);
                } catch (Exception failed) {
                    throw new IllegalStateException("Could not rebuild the SMSC feed from the MT ring", failed);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                // nothing to do once started
            }
        };
    }

    /**
     * Every SMPP endpoint decodes deliver_sm with {@link GuardedSmppBinding}, so nothing is acked and lost,
     * and reads PDUs no longer than SMPP 3.4 needs ({@link BoundedSmppComponent}).
     */
    @Bean
    CamelContextConfiguration guardedSmppDecoding() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                BoundedSmppComponent.install(context);
                GuardedSmppBinding.install(context);
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                // nothing to do once started
            }
        };
    }
}
