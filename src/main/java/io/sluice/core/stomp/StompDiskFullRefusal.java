package io.sluice.core.stomp;

import java.util.function.BooleanSupplier;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.protocol.stomp.Stomp;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrame;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrameInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Refuses a STOMP SEND while the core's disk is full with an ERROR that says so, {@code DISK_FULL: …},
 * and closes the connection (ADR 0018). STOMP has no flow control to make the client wait; Artemis
 * would refuse the SEND too, but with an ERROR naming only "Error sending message CoreMessage[…]". The
 * message is not stored and no RECEIPT comes: the client sends it again once the core is ready.
 */
public final class StompDiskFullRefusal implements StompFrameInterceptor {

    private final BooleanSupplier diskFull;

    public StompDiskFullRefusal(BooleanSupplier diskFull) {
        this.diskFull = diskFull;
    }

    @Override
    public boolean intercept(StompFrame frame, RemotingConnection connection) {
        if (Stomp.Commands.SEND.equals(frame.getCommand()) && diskFull.getAsBoolean()) {
            connection.fail(new ActiveMQException(ActiveMQExceptionType.IO_ERROR, "DISK_FULL: the server's disk is "
                    + "full; this message was not stored. Send it again later; the connection is closed."));
            return false; // not handled: the connection is gone
        }
        return true;
    }
}
