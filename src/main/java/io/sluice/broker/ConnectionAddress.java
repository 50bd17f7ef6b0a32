package io.sluice.broker;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/** The host a broker connection comes from, without its port: what a login throttle counts by. */
final class ConnectionAddress {

    private ConnectionAddress() {
    }

    static String hostOf(RemotingConnection connection) {
        if (connection == null) {
            return "unknown";
        }
        if (connection.getTransportConnection() instanceof NettyConnection netty) {
            SocketAddress remote = netty.getChannel().remoteAddress();
            if (remote instanceof InetSocketAddress socket && socket.getAddress() != null) {
                return socket.getAddress().getHostAddress();
            }
        }
        String remote = connection.getRemoteAddress(); // in-VM: "invm:0"
        return remote == null ? "unknown" : remote;
    }
}
