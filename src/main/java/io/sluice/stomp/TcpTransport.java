package io.sluice.stomp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** STOMP over a plain TCP connection (STOMP 1.2 §"STOMP Frames": frames follow each other on the stream). */
final class TcpTransport implements StompTransport {

    private final Socket socket;
    private final OutputStream out;
    private final Inbound inbound;
    private volatile boolean closing;

    private TcpTransport(Socket socket, Inbound inbound) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.inbound = inbound;
    }

    static TcpTransport open(String host, int port, Duration timeout, Inbound inbound) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            socket.setTcpNoDelay(true);
            TcpTransport transport = new TcpTransport(socket, inbound);
            Thread reader = new Thread(transport::readUntilClosed, "stomp-tcp-" + host + ":" + port);
            reader.setDaemon(true);
            reader.start();
            return transport;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void write(StompFrame frame) throws IOException {
        byte[] bytes = frame.encode();
        // Frames from several test threads must not interleave on the stream.
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public void writeHeartbeat() throws IOException {
        synchronized (out) {
            out.write('\n');
            out.flush();
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the reader thread ends either way
        }
    }

    private void readUntilClosed() {
        StompFrameDecoder decoder = new StompFrameDecoder();
        byte[] chunk = new byte[8192];
        IOException cause;
        try (InputStream in = socket.getInputStream()) {
            int read;
            while ((read = in.read(chunk)) >= 0) {
                decoder.feed(chunk, 0, read, inbound::onFrame);
            }
            cause = new EOFException("Broker closed the TCP connection");
        } catch (StompFrameException e) {
            cause = new IOException("Undecodable bytes from the broker: " + e.getMessage(), e);
        } catch (IOException e) {
            cause = closing ? new IOException("Connection closed by the client") : e;
        }
        close();
        inbound.onClosed(cause);
    }
}
