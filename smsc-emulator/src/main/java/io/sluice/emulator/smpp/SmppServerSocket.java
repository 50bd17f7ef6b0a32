package io.sluice.emulator.smpp;

import java.io.IOException;
import java.net.ServerSocket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * jsmpp's listening socket, plus the one thing jsmpp's own does not tell: the port it got when asked
 * for port 0 (tests run on free ports).
 */
final class SmppServerSocket implements ServerConnection {

    private final ServerSocket socket;

    private SmppServerSocket(ServerSocket socket) {
        this.socket = socket;
    }

    /** Creates listening sockets the way jsmpp's server API expects. */
    static final class Factory implements ServerConnectionFactory {
        @Override
        public SmppServerSocket listen(int port) throws IOException {
            return new SmppServerSocket(new ServerSocket(port));
        }

        @Override
        public SmppServerSocket listen(int port, int timeout) throws IOException {
            SmppServerSocket listening = listen(port);
            listening.setSoTimeout(timeout);
            return listening;
        }

        @Override
        public SmppServerSocket listen(int port, int timeout, int backlog) throws IOException {
            SmppServerSocket listening = new SmppServerSocket(new ServerSocket(port, backlog));
            listening.setSoTimeout(timeout);
            return listening;
        }
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public Connection accept() throws IOException {
        return new SocketConnection(socket.accept());
    }

    @Override
    public void setSoTimeout(int timeout) throws IOException {
        socket.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws IOException {
        return socket.getSoTimeout();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
