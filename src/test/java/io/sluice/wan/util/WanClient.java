package io.sluice.wan.util;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A client socket through the simulator, with reads bounded in time so no test can hang. */
public final class WanClient implements AutoCloseable {

    /** Longest a read may wait in any test; a correct simulator answers far sooner. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** How a connection ended, as the client saw it. */
    public enum Ending { EOF, RESET }

    private final Socket socket;

    public WanClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
    }

    public byte[] receive(int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("stream ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** One byte there and back; returns the round trip. */
    public Duration roundTrip() throws IOException {
        long start = System.nanoTime();
        send(new byte[] {42});
        receive(1);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads until the connection ends; fails if it does not end within the read timeout. */
    public Ending awaitEnd() throws IOException {
        try {
            while (socket.getInputStream().read() >= 0) {
                // drain what was still on its way
            }
            return Ending.EOF;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection did not end within " + READ_TIMEOUT, e);
        } catch (SocketException e) {
            return Ending.RESET;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
