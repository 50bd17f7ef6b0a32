package io.sluice.emulator.smpp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into whole SMPP PDUs using command_length (SMPP 3.4 §3.2). Bytes are kept
 * until a PDU is complete; nothing is returned for a partial one.
 */
final class PduFramer {

    /** command_length is the first 4 octets of a PDU. */
    private static final int LENGTH_FIELD_OCTETS = 4;
    /** Generous bound: a submit_sm with a full 64 KB message_payload TLV still fits. */
    static final int MAX_PDU_OCTETS = 70_000;

    private byte[] pending = new byte[0];

    /** Adds bytes and returns the PDUs they complete, in order. */
    List<byte[]> feed(byte[] bytes, int offset, int length) throws IOException {
        pending = append(pending, bytes, offset, length);
        List<byte[]> pdus = new ArrayList<>(1);
        while (pending.length >= LENGTH_FIELD_OCTETS) {
            int commandLength = ByteBuffer.wrap(pending, 0, LENGTH_FIELD_OCTETS).getInt();
            if (commandLength < PduHeader.LENGTH || commandLength > MAX_PDU_OCTETS) {
                throw new IOException("command_length " + commandLength + " outside " + PduHeader.LENGTH + ".."
                        + MAX_PDU_OCTETS + ": stream out of sync");
            }
            if (pending.length < commandLength) {
                break;
            }
            pdus.add(Arrays.copyOfRange(pending, 0, commandLength));
            pending = Arrays.copyOfRange(pending, commandLength, pending.length);
        }
        return pdus;
    }

    /** Bytes received that do not yet make a whole PDU. */
    int pendingOctets() {
        return pending.length;
    }

    private static byte[] append(byte[] head, byte[] bytes, int offset, int length) {
        byte[] joined = Arrays.copyOf(head, head.length + length);
        System.arraycopy(bytes, offset, joined, head.length, length);
        return joined;
    }
}
