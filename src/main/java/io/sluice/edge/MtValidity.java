package io.sluice.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.sluice.im.Headers;
import io.sluice.sms.cimd2.Cimd2RelativeValidity;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.sms.smpp.SmppRelativeTime;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;

/**
 * Route {@code smsc-submit}: an MT message is never submitted after its validity (ADR 0019). Before
 * the submit, {@link #check} refuses an expired message and gives the SMSC the rest of the validity;
 * route configuration {@code smsc-errors} asks {@link #hasEnded} on every failed attempt, so a
 * message the SMSC keeps refusing for the time being stops being retried when its validity ends.
 */
public final class MtValidity {

    private final Clock clock;

    public MtValidity(Clock clock) {
        this.clock = clock;
    }

    /** Thrown by {@link #check}: the message's validity ended before it could be submitted. */
    public static final class ExpiredException extends Exception {
        public ExpiredException(String detail) {
            super(detail);
        }
    }

    /**
     * @throws ExpiredException if the validity has ended; else sets the validity period of the submit
     *                          (SMPP relative time, or CIMD2 relative validity) to what is left of it
     */
    public void check(Exchange exchange) throws ExpiredException {
        Message message = exchange.getMessage();
        Instant validUntil = Headers.validUntil(message);
        if (validUntil == null) {
            return; // from a core without validities: the SMSC's default applies
        }
        Instant now = clock.instant();
        if (now.isAfter(validUntil)) {
            throw new ExpiredException(detail(validUntil));
        }
        Duration left = Duration.between(now, validUntil);
        message.setHeader(SmppConstants.VALIDITY_PERIOD, SmppRelativeTime.of(left));
        message.setHeader(Cimd2Headers.VALIDITY_PERIOD_RELATIVE, Cimd2RelativeValidity.of(left));
    }

    /** Whether the message in hand may no longer be submitted. */
    public boolean hasEnded(Exchange exchange) {
        Instant validUntil = Headers.validUntil(exchange.getMessage());
        return validUntil != null && clock.instant().isAfter(validUntil);
    }

    /** What the sender of a message with this validity is told when it ends before the submit. */
    public static String detail(Instant validUntil) {
        return "Not sent: its validity ended at " + validUntil + " before the carrier's SMSC took it.";
    }
}
