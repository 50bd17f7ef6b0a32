package io.sluice.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * STOMP over a bare TCP socket, for bytes no well-behaved client sends: frames over the limit, frames
 * without an end, text that is not UTF-8. Reads what the broker answers as raw text.
 */
final class RawStomp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private RawStomp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connected and logged in (CONNECTED read). */
    static RawStomp login(int port, String login, String passcode) throws IOException {
        RawStomp stomp = new RawStomp(new Socket("127.0.0.1", port));
        stomp.write(("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nlogin:" + login + "\npasscode:" + passcode
                + "\n\n\0").getBytes(StandardCharsets.UTF_8));
        stomp.readUntil("CONNECTED", Duration.ofSeconds(10));
        return stomp;
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads until the text has arrived; fails if it has not within the time or the connection ends first. */
    String readUntil(String text, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!received().contains(text)) {
            if (readSome(deadline) < 0) {
                throw new IOException("Connection ended before '" + text + "'; received: " + received());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("No '" + text + "' within " + within + "; received: " + received());
            }
        }
        return received();
    }

    /**
     * Reads until the broker closes the connection (end of stream or reset); returns everything received.
     *
     * @throws IOException if it is still open after the time
     */
    String readUntilClosed(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (readSome(deadline) < 0) {
                    return received();
                }
            } catch (SocketTimeoutException stillOpen) {
                break;
            } catch (IOException reset) {
                return received();
            }
        }
        throw new IOException("Still open after " + within + "; received: " + received());
    }

    private int readSome(long deadline) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
        byte[] buffer = new byte[8192];
        int read = in.read(buffer);
        if (read > 0) {
            received.write(buffer, 0, read);
        }
        return read;
    }

    String received() {
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
