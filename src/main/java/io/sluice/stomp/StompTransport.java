package io.sluice.stomp;

import java.io.IOException;

/** Carries whole frames to and from the broker; TCP and WebSocket differ only here. */
interface StompTransport extends AutoCloseable {

    /** Where a transport delivers what the broker sends, on its own thread, in order. */
    interface Inbound {
        void onFrame(StompFrame frame);

        /** Called once, after the last frame: the broker closed, the client closed, or the stream broke. */
        void onClosed(IOException cause);
    }

    void write(StompFrame frame) throws IOException;

    /** Sends one heart-beat: an EOL between frames (STOMP 1.2 §"Heart-beating"). */
    void writeHeartbeat() throws IOException;

    /** Closes the connection now; idempotent, never throws. */
    @Override
    void close();
}
