package io.sluice.routes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.broker.CamelJms;
import io.sluice.edge.CarrierTraffic;
import io.sluice.edge.EdgeEvents;
import io.sluice.edge.ReportedEvents;
import io.sluice.broker.SessionReusingTransactionManager;
import io.sluice.edge.OneAtATimeTransactionPolicy;
import io.sluice.edge.MoAssembly;
import io.sluice.edge.MoIntake;
import io.sluice.edge.MoPartStore;
import io.sluice.edge.ReceiptCorrelator;
import io.sluice.edge.SmppBindState;
import io.sluice.edge.SmppUnansweredRebind;
import io.sluice.edge.SmscDeliveryCounter;
import io.sluice.edge.MtValidity;
import io.sluice.edge.SmscSubmit;
import io.sluice.edge.SmscSubmitMeter;
import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.link.EdgeLinkEnd;
import io.sluice.link.LinkMonitor;
import io.sluice.link.Resync;
import io.sluice.link.RingRegistry;
import io.sluice.link.SiteLink;
import io.sluice.ring.Direction;
import io.sluice.sms.smpp.BoundedSmppComponent;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.springframework.jms.core.JmsTemplate;

/**
 * An edge of carrier alpha speaking SMPP, for route tests: the flows of routes/edge and
 * routes/edge-smpp loaded from their YAML files into the test's Camel context, with the beans EdgeSite
 * would give them, on an in-VM broker and against an SMSC (the emulator) the test owns.
 */
final class EdgeSmppRoutes {

    static final String CARRIER = "alpha";
    private static final List<String> FLOWS = List.of("edge/ring-errors", "edge/smsc-errors", "edge-smpp/smsc-receipts",
            "edge-smpp/smsc-receive", "edge-smpp/smsc-submit", "edge/ring-mt-accept", "edge/link-reports", EdgeMoIntake.FLOW);

    final RingRegistry rings;
    final ReceiptCorrelator receipts = new ReceiptCorrelator(1000);
    final CarrierTraffic traffic = new CarrierTraffic(System::currentTimeMillis);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SmppBindState bindState = new SmppBindState();
    final io.sluice.edge.MtOutcomes outcomes;
    /**
     * One MO text may wait on disk for room in the MO ring; the next is refused and the SMSC retries it
     * (ADR 0038), so tests see both.
     */
    static final int MO_INTAKE_MAX_PENDING = 1;
    final io.sluice.edge.intake.MoIntakeLog intakeLog;

    /** A broker with the queues the edge's flows use; the core's side is the test's ({@link CorePeer}). */
    static InVmBroker startBroker(ActiveMQServerBasePlugin... plugins) throws Exception {
        InVmBroker broker = new InVmBroker();
        for (ActiveMQServerBasePlugin plugin : plugins) {
            broker.withPlugin(plugin);
        }
        return EdgeMoIntake.withMarkerQueue(broker, CARRIER)
                .withRingStore(Direction.MT, CARRIER)
                .withRingStore(Direction.MO, CARRIER)
                .start("sluice.link.mt.alpha", "sluice.link.report.alpha", "sluice.link.mo", "sluice.link.report",
                        "sluice.mt.alpha", "sluice.events", "sluice.dead");
    }

    /** The edge's settings for a bind to the emulator on {@code smppPort}. */
    static Properties properties(int smppPort, Duration enquireLinkInterval, Duration responseTimeout,
                                 int maxSubmitsPerSecond) {
        Properties properties = new Properties();
        properties.put("sluice.edge.carrier", CARRIER);
        properties.put("sluice.edge.smsc.host", "127.0.0.1");
        properties.put("sluice.edge.smsc.port", String.valueOf(smppPort));
        properties.put("sluice.edge.smsc.system-id", "sluice");
        properties.put("sluice.edge.smsc.password", "secret");
        properties.put("sluice.edge.smsc.system-type", "");
        properties.put("sluice.edge.smsc.enquire-link-interval", String.valueOf(enquireLinkInterval.toMillis()));
        properties.put("sluice.edge.smsc.response-timeout", String.valueOf(responseTimeout.toMillis()));
        properties.put("sluice.edge.smsc.reconnect-delay", "200");
        properties.put("sluice.edge.smsc.max-submits-per-second", String.valueOf(maxSubmitsPerSecond));
        return properties;
    }

    /**
     * Binds the beans and loads the flows; {@code slots} is the size of both rings, MT validities are
     * judged by {@code validityClock} (ADR 0019).
     */
    EdgeSmppRoutes(CamelContext context, InVmBroker broker, ActiveMQConnectionFactory connectionFactory, int slots,
                   int maxParts, Clock validityClock) throws Exception {
        rings = SiteLink.rings(connectionFactory, Map.of(CARRIER, slots));
        rings.get(Direction.MO, CARRIER).markPositionKnown(); // as after the core's first heart-beat
        LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC());
        EdgeLinkEnd link = new EdgeLinkEnd(CARRIER, "7777", rings, monitor,
                new Resync(Duration.ofSeconds(10), Clock.systemUTC()), receipts, Clock.systemUTC());
        var registry = context.getRegistry();
        registry.bind("jms", CamelJms.component(connectionFactory));
        BoundedSmppComponent.install(context); // as EdgeSite does: PDUs no longer than SMPP 3.4 needs
        registry.bind("edgeRings", rings);
        registry.bind("edgeLinkEnd", link);
        registry.bind("edgeLinkBatches", BatchListener.all(rings, monitor));
        registry.bind("smscSubmit", new SmscSubmit(true, maxParts));
        registry.bind("mtValidity", new MtValidity(validityClock));
        registry.bind("smppBindState", bindState);
        registry.bind("smppUnansweredRebind", new SmppUnansweredRebind(bindState));
        registry.bind("edgeEvents", new EdgeEvents(CARRIER, receipts, new ReportedEvents(broker.server())::contains));
        context.getManagementStrategy().addEventNotifier(new SmscSubmitMeter(meters, traffic, CARRIER, "smpp"));
        context.getManagementStrategy().addEventNotifier(new SmscDeliveryCounter(meters, traffic, CARRIER, "smpp"));
        JmsTemplate partsJms = new JmsTemplate(connectionFactory);
        partsJms.setSessionTransacted(true);
        MoAssembly assembly = new MoAssembly(new MoPartStore(partsJms, CARRIER), link, Clock.systemUTC(),
                Duration.ofSeconds(60), 100);
        MoIntake intake = new MoIntake(link, assembly);
        registry.bind("moIntake", intake);
        intakeLog = EdgeMoIntake.bind(context, connectionFactory, intake, CARRIER, MO_INTAKE_MAX_PENDING, false);
        registry.bind("edgeTransaction", new OneAtATimeTransactionPolicy(new SessionReusingTransactionManager(connectionFactory)));
        outcomes = EdgeSmscLoop.bind(context, connectionFactory, rings, CARRIER, 1);
        for (String flow : FLOWS) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/" + flow + ".camel.yaml"));
        }
    }
}
