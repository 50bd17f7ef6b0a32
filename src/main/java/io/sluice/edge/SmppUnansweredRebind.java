package io.sluice.edge;

import io.sluice.Causes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jsmpp.extra.ResponseTimeoutException;

/**
 * Route configuration {@code smsc-errors}: a submit_sm the SMSC left unanswered for the response
 * timeout ends the bind before the retry (ADR 0016). jsmpp itself keeps such a bind, yet an SMSC that
 * does not answer is gone or out of step: its answer lost, or swallowed by a malformed PDU that
 * desynchronised the stream (a huge command_length makes jsmpp read on and on). A fresh bind starts a
 * fresh stream, and no late answer can arrive on it. Other failures, and CIMD2's, pass untouched.
 */
public final class SmppUnansweredRebind implements Processor {

    /** The outcome's name in the log and in docs/reliability.md. */
    static final String REASON = "SMSC_UNANSWERED: no submit_sm_resp within the response timeout";

    private final SmppBindState bind;

    public SmppUnansweredRebind(SmppBindState bind) {
        this.bind = bind;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (Causes.find(failure, ResponseTimeoutException.class).isPresent()) {
            bind.drop(REASON);
        }
    }
}
