package io.sluice.wan.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far end for simulator tests: on 127.0.0.1, a free port, it echoes every byte back and counts
 * connections, bytes, and how each connection ended (end of stream or reset).
 */
public final class EchoServer implements AutoCloseable {

    private static final int BUFFER_BYTES = 8192;

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger endedByEof = new AtomicInteger();
    private final AtomicInteger endedByReset = new AtomicInteger();

    public EchoServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    public long received() {
        return received.get();
    }

    public int endedByEof() {
        return endedByEof.get();
    }

    public int endedByReset() {
        return endedByReset.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                accepted.incrementAndGet();
                Thread echo = new Thread(() -> echo(socket), "echo-" + accepted.get());
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void echo(Socket socket) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.addAndGet(read);
                out.write(buffer, 0, read);
            }
            endedByEof.incrementAndGet();
        } catch (SocketException e) {
            if (!server.isClosed()) {
                endedByReset.incrementAndGet();
            }
        } catch (IOException e) {
            // the test is over
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
