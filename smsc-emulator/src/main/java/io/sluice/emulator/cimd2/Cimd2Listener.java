package io.sluice.emulator.cimd2;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sluice.emulator.smpp.SmscServices;
import io.sluice.emulator.traffic.SessionStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMSC end of CIMD2 over TCP/IP (CIMD Interface Specification chapter 2): accepts client connections
 * and gives each one a {@link Cimd2Session} behind the pure codec of {@code io.sluice.sms.cimd2}.
 * Shares handsets, mailboxes, counters and the traffic log with the SMPP server.
 */
public final class Cimd2Listener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Cimd2Listener.class);
    private static final String SESSION_ID_PREFIX = "cimd2-";
    /** Connections are few and the work per packet small; the processing delay is scheduled, not slept. */
    private static final int WORKER_THREADS = 2;

    private final SmscServices services;
    private final Map<String, Cimd2Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listening;

    public Cimd2Listener(SmscServices services) {
        this.services = services;
    }

    public void start() throws IOException {
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("cimd2-accept", true));
        workers = new NioEventLoopGroup(WORKER_THREADS, new DefaultThreadFactory("cimd2-io", true));
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        String id = SESSION_ID_PREFIX + sessionNumbers.incrementAndGet();
                        Cimd2Session session = new Cimd2Session(id, services, closed -> sessions.remove(closed.id()));
                        sessions.put(id, session);
                        channel.pipeline().addLast(new Cimd2FrameDecoder(), session);
                    }
                });
        ChannelFuture bound = bootstrap.bind(services.properties().cimd2Port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            throw new IOException("cannot listen for CIMD2 on port " + services.properties().cimd2Port(), bound.cause());
        }
        listening = bound.channel();
        log.info("SMSC emulator listening for CIMD2 on port {}", port());
    }

    /** The port clients connect to (the one picked when configured as 0). */
    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    public List<SessionStats> sessionStats() {
        return sessions.values().stream().map(Cimd2Session::stats)
                .sorted(Comparator.comparingInt(stats -> Integer.parseInt(stats.id().substring(SESSION_ID_PREFIX.length()))))
                .toList();
    }

    public void resetCounters() {
        sessions.values().forEach(Cimd2Session::resetCounters);
    }

    /** Quiet period 0: the emulator stops at once; up to a second for writes in flight. */
    @Override
    public void close() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
        List.copyOf(sessions.values()).forEach(Cimd2Session::close);
        if (workers != null) {
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
