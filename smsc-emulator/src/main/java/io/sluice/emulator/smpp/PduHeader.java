package io.sluice.emulator.smpp;

import java.nio.ByteBuffer;

/**
 * The 16-octet header every SMPP PDU starts with (SMPP 3.4 §3.2): command_length (the whole PDU,
 * header included), command_id, command_status, sequence_number, each a big-endian 4-octet integer.
 */
public record PduHeader(int commandLength, int commandId, int commandStatus, int sequenceNumber) {

    /** SMPP 3.4 §3.2: the header is four 4-octet fields. */
    public static final int LENGTH = 16;

    /** Reads the header of a whole PDU. */
    public static PduHeader of(byte[] pdu) {
        if (pdu.length < LENGTH) {
            throw new IllegalArgumentException("An SMPP PDU has at least " + LENGTH + " octets, got " + pdu.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(pdu);
        return new PduHeader(buffer.getInt(), buffer.getInt(), buffer.getInt(), buffer.getInt());
    }

    public boolean isResponse() {
        return SmppCommand.isResponse(commandId);
    }

    public String commandName() {
        return SmppCommand.nameOf(commandId);
    }
}
