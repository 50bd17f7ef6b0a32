package io.sluice.sms.smpp;

import java.io.DataInputStream;
import java.io.IOException;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.bean.Command;

/**
 * jsmpp's PDU reader with a ceiling on {@code command_length} (SMPP 3.4 §3.2). jsmpp allocates the
 * length a PDU header claims before it reads the body, so four bytes out of step (the text
 * {@code "this"} reads as 1.9 GB, the emulator's {@code #HUGELEN} claims 0x7FFFFFF0) made the edge
 * allocate gigabytes and wait for bytes that never come. Above the ceiling the header is refused as
 * an invalid command length: jsmpp answers {@code generic_nack} ESME_RINVCMDLEN and unbinds, since
 * the stream cannot be read in step again, and camel-smpp binds anew. The submit that was out goes
 * again on the new bind (ADR 0016).
 */
public final class BoundedPduReader extends DefaultPDUReader {

    private static final int HEADER_BYTES = 16;

    /**
     * More than any standard SMPP 3.4 PDU: the 16-byte header, a {@code message_payload} TLV of 64 KiB
     * (§5.3.2.32, its length field is 16 bits) and 4 KiB for every other field (ADR 0040).
     */
    public static final int MAX_PDU_BYTES = HEADER_BYTES + 4 + 65_535 + 4_096;

    /**
     * The 16-byte header (§3.2), as jsmpp reads it, but the length is judged before anything else is read
     * or allocated: unsigned, at least the header, at most {@link #MAX_PDU_BYTES}.
     */
    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        int length = in.readInt();
        if (Integer.compareUnsigned(length, MAX_PDU_BYTES) > 0) {
            throw new InvalidCommandLengthException("command_length " + Integer.toUnsignedString(length)
                    + " is over the ceiling of " + MAX_PDU_BYTES
                    + " bytes (more than any standard SMPP 3.4 PDU): the stream is out of step");
        }
        if (length < HEADER_BYTES) {
            throw new InvalidCommandLengthException("command_length " + length + " is shorter than the "
                    + HEADER_BYTES + "-byte header: the stream is out of step");
        }
        Command header = new Command();
        header.setCommandLength(length);
        header.setCommandId(in.readInt());
        header.setCommandStatus(in.readInt());
        header.setSequenceNumber(in.readInt());
        return header;
    }
}
