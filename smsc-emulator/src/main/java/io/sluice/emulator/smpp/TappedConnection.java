package io.sluice.emulator.smpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import org.jsmpp.session.connection.Connection;

/** A jsmpp {@link Connection} whose output goes through a {@link DepartureTap}. */
final class TappedConnection implements Connection {

    private final Connection delegate;
    private final DepartureTap output;

    TappedConnection(Connection delegate, DepartureTap.Listener listener) {
        this.delegate = delegate;
        // One instance for the session's lifetime: jsmpp serialises writers by locking on it.
        this.output = new DepartureTap(delegate.getOutputStream(), listener);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public InetAddress getInetAddress() {
        return delegate.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public int getPort() {
        return delegate.getPort();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public InputStream getInputStream() {
        return delegate.getInputStream();
    }

    /** The tap itself, for bytes that bypass its listener. */
    DepartureTap output() {
        return output;
    }

    @Override
    public OutputStream getOutputStream() {
        return output;
    }

    @Override
    public void setSoTimeout(int timeout) throws IOException {
        delegate.setSoTimeout(timeout);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
