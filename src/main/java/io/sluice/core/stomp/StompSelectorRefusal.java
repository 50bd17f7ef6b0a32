package io.sluice.core.stomp;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.protocol.stomp.Stomp;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrame;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrameInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Refuses a STOMP SUBSCRIBE that carries a {@code selector} header with an ERROR {@code SELECTOR_REFUSED: …}
 * and closes the connection (ADR 0037). Sluice's destinations are a user's own inbox and feed, which need no
 * filter, and Artemis up to 2.56.0 lets a logged-in client tie up a broker thread that other clients share
 * with a crafted LIKE pattern in a selector (CVE-2026-75880, fixed in 2.57.0, whose protocol jars are not
 * served here). The header is refused whatever it holds: judging which patterns are harmless is the fix's
 * job, not ours.
 */
public final class StompSelectorRefusal implements StompFrameInterceptor {

    @Override
    public boolean intercept(StompFrame frame, RemotingConnection connection) {
        if (Stomp.Commands.SUBSCRIBE.equals(frame.getCommand()) && frame.hasHeader(Stomp.Headers.Subscribe.SELECTOR)) {
            connection.fail(new ActiveMQException(ActiveMQExceptionType.UNSUPPORTED_PACKET, "SELECTOR_REFUSED: "
                    + "subscriptions with a selector are not supported; subscribe without one. The connection is closed."));
            return false; // not handled: the connection is gone
        }
        return true;
    }
}
