package io.sluice.emulator.outbound;

import java.io.IOException;

/** Sends one deliver_sm on a bound receiver session and waits for its deliver_sm_resp (SMPP 3.4 §4.6). */
@FunctionalInterface
public interface Deliverer {

    /**
     * @throws DeliveryException the ESME refused the PDU, let it time out, or it cannot be built
     * @throws IOException the session is gone
     */
    void deliver(OutboundMessage message) throws DeliveryException, IOException;
}
