package io.sluice.emulator.smpp;

import java.io.DataInputStream;
import java.io.IOException;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.PDUReader;
import org.jsmpp.bean.Command;

/**
 * A {@link PDUReader} that reports every PDU as it is read off the socket, on jsmpp's reader thread,
 * i.e. at arrival time and before jsmpp queues it to its processor pool (where queueing would hide
 * how requests overlap).
 */
final class ArrivalTap implements PDUReader {

    /** Told about each inbound PDU, in arrival order, on the one reader thread of a session. */
    interface Listener {
        void headerArrived(Command header);

        void pduArrived(byte[] pdu);
    }

    private final PDUReader delegate;
    private final Listener listener;

    ArrivalTap(PDUReader delegate, Listener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        Command header = delegate.readPDUHeader(in);
        listener.headerArrived(header);
        return header;
    }

    @Override
    public byte[] readPDU(DataInputStream in, Command pduHeader) throws IOException {
        byte[] pdu = delegate.readPDU(in, pduHeader);
        listener.pduArrived(pdu);
        return pdu;
    }

    @Override
    public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus,
            int sequenceNumber) throws IOException {
        byte[] pdu = delegate.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber);
        listener.pduArrived(pdu);
        return pdu;
    }
}
