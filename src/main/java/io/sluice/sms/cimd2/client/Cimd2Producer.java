package io.sluice.sms.cimd2.client;

import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Submits the exchange's message (03) and blocks until the SMSC's response, so the route's transaction
 * commits only after it: with a transacted consumer of prefetch one that is stop-and-wait end to end.
 */
final class Cimd2Producer extends DefaultProducer {

    private final Cimd2Endpoint endpoint;

    Cimd2Producer(Cimd2Endpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Cimd2ClientSession session = endpoint.session();
        if (session == null) {
            throw new Cimd2SessionException("the cimd2 endpoint is not started");
        }
        Cimd2Packet submit = Cimd2Messages.submit(exchange.getMessage());
        Cimd2Packet response = session.exchange(submit);
        if (response.isNegative()) {
            int code = response.integer(Cimd2Parameter.ERROR_CODE).orElse(-1);
            throw new Cimd2NegativeResponseException(response.operation(), code, Cimd2ErrorCode.of(code).orElse(null));
        }
        Cimd2Messages.submitted(exchange.getMessage(), submit, response);
    }
}
