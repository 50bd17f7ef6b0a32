package io.sluice.emulator.smpp;

import io.sluice.emulator.text.SmsText;
import io.sluice.emulator.traffic.TrafficRecord;
import java.time.Instant;
import java.util.Optional;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUDecomposer;

/**
 * Reads a whole PDU into a {@link TrafficRecord}: the header always, plus addresses and text for
 * the message-carrying operations and the system_id of binds (never the password).
 */
final class PduSummary {

    private static final PDUDecomposer DECOMPOSER = new DefaultDecomposer();

    private final SmsText smsText;

    PduSummary(SmsText smsText) {
        this.smsText = smsText;
    }

    TrafficRecord summarise(Instant time, String session, String direction, byte[] pdu, String note) {
        PduHeader header = PduHeader.of(pdu);
        Fields fields = fields(header, pdu).orElse(Fields.NONE);
        return new TrafficRecord(time, session, direction, header.commandName(), header.sequenceNumber(),
                header.commandStatus(), fields.source(), fields.destination(), fields.text(), note);
    }

    private Optional<Fields> fields(PduHeader header, byte[] pdu) {
        try {
            return SmppCommand.of(header.commandId()).flatMap(command -> switch (command) {
                case SUBMIT_SM -> message(decompose(() -> DECOMPOSER.submitSm(pdu)));
                case DELIVER_SM -> message(decompose(() -> DECOMPOSER.deliverSm(pdu)));
                case DATA_SM -> message(decompose(() -> DECOMPOSER.dataSm(pdu)));
                case BIND_RECEIVER, BIND_TRANSMITTER, BIND_TRANSCEIVER ->
                        Optional.of(new Fields(decompose(() -> DECOMPOSER.bind(pdu)).getSystemId(), null, null));
                default -> Optional.empty();
            });
        } catch (RuntimeException malformed) {
            // jsmpp answers malformed PDUs itself; the log still shows the header.
            return Optional.empty();
        }
    }

    private Optional<Fields> message(AbstractSmCommand sm) {
        ShortMessage message = ShortMessage.of(sm, smsText);
        return Optional.of(new Fields(message.source().address(), message.destination().address(), message.text()));
    }

    private interface Decomposition<T> {
        T run() throws PDUStringException;
    }

    private static <T> T decompose(Decomposition<T> decomposition) {
        try {
            return decomposition.run();
        } catch (PDUStringException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private record Fields(String source, String destination, String text) {
        static final Fields NONE = new Fields(null, null, null);
    }
}
