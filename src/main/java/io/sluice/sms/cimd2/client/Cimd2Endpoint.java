package io.sluice.sms.cimd2.client;

import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2ParameterException;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One CIMD2 session (see {@link Cimd2Component}). The session lives as long as the endpoint is started;
 * deliveries from the SMSC become exchanges sent synchronously into the receiver route, whose outcome
 * decides the answer (70/73 after success, a temporary error otherwise).
 */
public final class Cimd2Endpoint extends DefaultEndpoint {

    /** Header naming why a delivery could not be read, on messages of type {@link #MALFORMED}. */
    public static final String DECODE_ERROR = "SluiceDecodeError";
    /** {@link Cimd2Headers#MESSAGE_TYPE} of a delivery whose parameters are unusable: kept, not retried forever. */
    public static final String MALFORMED = "Malformed";

    private final Cimd2ClientSettings settings;
    private final String receiverRouteId;
    private Cimd2ClientSession session;
    private ProducerTemplate template;

    Cimd2Endpoint(String uri, Cimd2Component component, Cimd2ClientSettings settings, String receiverRouteId) {
        super(uri, component);
        this.settings = settings;
        this.receiverRouteId = receiverRouteId;
    }

    @Override
    public Producer createProducer() {
        return new Cimd2Producer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("cimd2: is a producer; deliveries go to messageReceiverRouteId");
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    Cimd2ClientSession session() {
        return session;
    }

    /** The session's state, for the edge's health: DISCONNECTED while the endpoint is stopped. */
    public synchronized Cimd2SessionState sessionState() {
        return session == null ? Cimd2SessionState.DISCONNECTED : session.state();
    }

    @Override
    protected synchronized void doStart() throws Exception {
        super.doStart();
        template = getCamelContext().createProducerTemplate();
        session = new Cimd2ClientSession(settings, this::deliver);
        session.start();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (session != null) {
            session.close();
            session = null;
        }
        if (template != null) {
            template.stop();
        }
        super.doStop();
    }

    private void deliver(Cimd2Packet delivery) throws Exception {
        Route route = receiverRouteId == null ? null : getCamelContext().getRoute(receiverRouteId);
        if (route == null) {
            throw new IllegalStateException("no receiver route '" + receiverRouteId + "' is running");
        }
        Exchange exchange = createExchange();
        try {
            Cimd2Messages.delivery(delivery, exchange.getMessage());
        } catch (Cimd2ParameterException | IllegalArgumentException unusable) {
            // Answering an error would make the SMSC resend it forever: the route keeps it for an operator.
            exchange.getMessage().setHeader(Cimd2Headers.MESSAGE_TYPE, MALFORMED);
            exchange.getMessage().setHeader(DECODE_ERROR, unusable.getMessage());
            exchange.getMessage().setBody(delivery.toString());
        }
        template.send(route.getEndpoint(), exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }
}
