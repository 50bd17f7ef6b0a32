package io.sluice.sms.cimd2.client;

import java.util.concurrent.atomic.AtomicInteger;

import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.text.SmsSplitter;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Submits the exchange's message (03) and blocks until the SMSC's response, so the route's transaction
 * commits only after it: with a transacted consumer of prefetch one that is stop-and-wait end to end.
 * A long text goes as concatenated parts, one submit after the other, each waiting for its response;
 * the exchange carries the last part's id (the one whose status report was asked for).
 */
final class Cimd2Producer extends DefaultProducer {

    /** Every text a core accepts (1600 characters) fits; more parts than this is refused for good. */
    private static final int MAX_PARTS = SmsSplitter.MAX_PARTS_LIMIT;

    private final Cimd2Endpoint endpoint;
    private final AtomicInteger references = new AtomicInteger();
    private final SmsSplitter splitter = new SmsSplitter(MAX_PARTS, references::incrementAndGet);

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
        for (Cimd2Packet submit : Cimd2Messages.submits(exchange.getMessage(), splitter, references.incrementAndGet())) {
            Cimd2Packet response = session.exchange(submit);
            if (response.isNegative()) {
                int code = response.integer(Cimd2Parameter.ERROR_CODE).orElse(-1);
                throw new Cimd2NegativeResponseException(response.operation(), code, Cimd2ErrorCode.of(code).orElse(null));
            }
            Cimd2Messages.submitted(exchange.getMessage(), submit, response);
        }
    }
}
