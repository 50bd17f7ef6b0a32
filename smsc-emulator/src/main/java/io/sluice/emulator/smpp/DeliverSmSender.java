package io.sluice.emulator.smpp;

import io.sluice.emulator.outbound.Deliverer;
import io.sluice.emulator.outbound.DeliveryException;
import io.sluice.emulator.outbound.OutboundMessage;
import java.io.IOException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;

/**
 * Sends an {@link OutboundMessage} as deliver_sm (SMPP 3.4 §4.6.1) on a jsmpp server session and
 * blocks until the deliver_sm_resp, sorting jsmpp's failures into "try again" and "never works".
 */
final class DeliverSmSender implements Deliverer {

    /** SMPP 3.4 §5.2.11: service_type empty, the SMSC default. */
    private static final String DEFAULT_SERVICE_TYPE = "";
    /** SMPP 3.4 §5.2.13: protocol_id 0, no telematic interworking. */
    private static final byte PROTOCOL_ID = 0x00;
    /** SMPP 3.4 §5.2.14: priority_flag 0, lowest. */
    private static final byte PRIORITY_FLAG = 0x00;
    /** SMPP 3.4 §5.2.17: the SMSC asks for no receipt of its own deliver_sm. */
    private static final byte NO_RECEIPT = 0x00;

    private final SMPPServerSession session;

    DeliverSmSender(SMPPServerSession session) {
        this.session = session;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryException, IOException {
        try {
            session.deliverShortMessage(DEFAULT_SERVICE_TYPE,
                    TypeOfNumber.valueOf(message.source().ton()), NumberingPlanIndicator.valueOf(message.source().npi()),
                    message.source().address(),
                    TypeOfNumber.valueOf(message.destination().ton()),
                    NumberingPlanIndicator.valueOf(message.destination().npi()), message.destination().address(),
                    new ESMClass(message.esmClass()), PROTOCOL_ID, PRIORITY_FLAG, new RegisteredDelivery(NO_RECEIPT),
                    new RawDataCoding(message.dataCoding()), message.shortMessage(),
                    message.optionalParameters().toArray(OptionalParameter[]::new));
        } catch (NegativeResponseException e) {
            throw DeliveryException.refused(String.format("deliver_sm_resp status 0x%08X", e.getCommandStatus()), e);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            throw DeliveryException.refused("no valid deliver_sm_resp: " + e.getMessage(), e);
        } catch (PDUException e) {
            throw DeliveryException.malformed("cannot build deliver_sm: " + e.getMessage(), e);
        }
    }
}
