package io.sluice.emulator.smpp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream jsmpp writes a session's PDUs to. It hands each whole PDU to a listener
 * <em>before</em> it reaches the socket, so a response is booked as answered before the ESME can
 * possibly send its next request; the listener may also hold a PDU back (scripted {@code #NORESP}).
 */
final class DepartureTap extends OutputStream {

    /** Sees every outbound PDU; returns whether it goes on the wire. */
    interface Listener {
        boolean beforeSend(byte[] pdu);
    }

    private final OutputStream socket;
    private final Listener listener;
    private final PduFramer framer = new PduFramer();

    DepartureTap(OutputStream socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (byte[] pdu : framer.feed(bytes, offset, length)) {
            if (listener.beforeSend(pdu)) {
                socket.write(pdu);
            }
        }
    }

    /**
     * Writes bytes straight to the socket, past the listener: what the emulator sends on its own
     * (a late answer, a malformed PDU). Under the same lock as jsmpp's writes, so never inside one.
     */
    synchronized void writeUntapped(byte[] bytes) throws IOException {
        socket.write(bytes);
        socket.flush();
    }

    @Override
    public synchronized void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
