package io.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.sluice.stomp.StompFrame;
import io.sluice.stomp.StompFrameDecoder;
import io.sluice.stomp.StompFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement 6's idle PC clients: many STOMP 1.2 sessions held by one NIO selector thread, not a thread
 * per connection. Each session connects, sends CONNECT (the same heart-beat both ways, {@link #HEART_BEAT}
 * in the bench), waits for CONNECTED, then only sends a heart-beat EOL on schedule and reads and discards
 * whatever the core sends (its own heart-beats, STOMP 1.2 "Heart-beating"). A session the core closes after
 * CONNECTED is counted as dropped; one it refuses (an ERROR or a close instead of CONNECTED, or no answer
 * within {@link #HANDSHAKE_TIMEOUT}) as refused; an open one from which nothing has come for longer than
 * {@link #SILENT_AFTER_BEATS} of the core's promised heart-beat intervals as silent.
 */
final class IdleSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleSessions.class);

    /** What each of the bench's sessions offers in CONNECT, both ways (STOMP 1.2 §"Heart-beating"). */
    static final Duration HEART_BEAT = Duration.ofSeconds(10);
    /**
     * How often a session sends its EOL, as a share of the interval it promised: half, so a late wake-up of
     * this thread on a loaded machine never makes the core think the client went silent.
     */
    static final int SENDS_PER_BEAT = 2;
    /** How often the bench's sessions send their EOL. */
    static final Duration SEND_EVERY = HEART_BEAT.dividedBy(SENDS_PER_BEAT);
    /** An open session is silent once the core's promised heart-beat interval has passed this often without a byte. */
    static final int SILENT_AFTER_BEATS = 2;
    private static final Duration SILENCE_CHECK_EVERY = Duration.ofMillis(500);
    /** Sessions connecting or awaiting CONNECTED at once: a steady ramp, not a SYN flood on the acceptor. */
    static final int MAX_HANDSHAKING = 100;
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    private static final long SELECT_MILLIS = 50;
    private static final ByteBuffer EOL = ByteBuffer.wrap(new byte[] {'\n'}).asReadOnlyBuffer();

    /**
     * Sessions now: open (CONNECTED and not closed since), refused, dropped by the core after CONNECTED; and
     * of the open ones, those silent (no heart-beat from the core for {@link #SILENT_AFTER_BEATS} intervals).
     */
    record Counts(int requested, int open, int refused, int dropped, int silent) {
        boolean settled() {
            return open + refused + dropped >= requested;
        }

        /** Every session asked for is open and heart-beating; none was refused or dropped since the start. */
        boolean allHeld() {
            return open >= requested && refused == 0 && dropped == 0 && silent == 0;
        }
    }

    /** One PC client's login. */
    record Login(String user, String password) {
    }

    private final class Session {
        final SocketChannel channel;
        final ByteBuffer connect;
        final long startedNanos = System.nanoTime();
        StompFrameDecoder decoder = new StompFrameDecoder();
        long beatDueNanos;
        /** When the core last sent anything (CONNECTED included). */
        long heardNanos;
        /** Silence after which the session counts as silent; 0 when the core promised no heart-beats. */
        long silentAfterNanos;

        Session(SocketChannel channel, Login login) {
            this.channel = channel;
            this.connect = ByteBuffer.wrap(StompFrame.of(StompFrame.CONNECT, "accept-version", "1.2",
                    "host", "127.0.0.1", "login", login.user(), "passcode", login.password(),
                    "heart-beat", heartBeat.toMillis() + "," + heartBeat.toMillis()).encode());
        }

        boolean handshaking() {
            return decoder != null;
        }
    }

    private final InetSocketAddress core;
    private final List<Login> logins;
    private final Duration heartBeat;
    private final Selector selector;
    private final Thread loop;
    private final List<Session> handshaking = new ArrayList<>();
    /** Open sessions in the order their next heart-beat is due (all share one period, so appending keeps it). */
    private final ArrayDeque<Session> beats = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final AtomicReference<String> serverHeartBeat = new AtomicReference<>("");
    private volatile int requested;
    private volatile int started;
    private volatile int open;
    private volatile int refused;
    private volatile int dropped;
    private volatile int silent;
    private volatile long heartBeatsHeard;
    private long silenceCheckedNanos = System.nanoTime();
    private volatile boolean running = true;

    /** @param heartBeat what each session offers in CONNECT, both ways ({@link #HEART_BEAT} in the bench) */
    IdleSessions(int stompPort, List<Login> logins, Duration heartBeat) throws IOException {
        this.core = new InetSocketAddress("127.0.0.1", stompPort);
        this.logins = List.copyOf(logins);
        this.heartBeat = heartBeat;
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "bench-idle-sessions");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /** Asks for {@code total} sessions in all (never fewer than already asked for); returns at once. */
    void growTo(int total) {
        requested = Math.max(requested, total);
        selector.wakeup();
    }

    Counts counts() {
        return new Counts(requested, open, refused, dropped, silent);
    }

    /** Reads with something in them on open sessions since the start: the core's heart-beats, mostly. */
    long heartBeatsHeard() {
        return heartBeatsHeard;
    }

    /** The heart-beat header of the core's CONNECTED frame: what it promised to send and expects. */
    String serverHeartBeat() {
        return serverHeartBeat.get();
    }

    /** Waits until every session asked for is open, refused or dropped; the counts then (or at the deadline). */
    Counts awaitSettled(Duration timeout) throws InterruptedException {
        return Polling.until(this::counts, Counts::settled, timeout);
    }

    private void run() {
        while (running) {
            try {
                selector.select(SELECT_MILLIS);
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    handle(key);
                }
                if (!running) {
                    return;
                }
                startMore();
                expireHandshakes();
                beat();
                countSilent();
            } catch (IOException | RuntimeException e) {
                LOG.error("The idle sessions' selector failed; the sessions it held are counted as dropped", e);
                dropped += open;
                open = 0;
                running = false;
            }
        }
    }

    private void startMore() throws IOException {
        while (started < requested && handshaking.size() < MAX_HANDSHAKING) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Session session = new Session(channel, logins.get(started % logins.size()));
            started++;
            handshaking.add(session);
            try {
                boolean connected = channel.connect(core);
                channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, session);
            } catch (IOException e) {
                refuse(session, "connect failed: " + e.getMessage());
            }
        }
    }

    private void handle(SelectionKey key) {
        Session session = (Session) key.attachment();
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isConnectable() && session.channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                session.channel.write(session.connect);
                if (!session.connect.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                read(session);
            }
        } catch (IOException | StompFrameException e) {
            lost(session, e.getMessage());
        }
    }

    private void read(Session session) throws IOException {
        readBuffer.clear();
        int read = session.channel.read(readBuffer);
        if (read < 0) {
            lost(session, "closed by the core");
            return;
        }
        if (read == 0) {
            return;
        }
        session.heardNanos = System.nanoTime();
        if (!session.handshaking()) {
            heartBeatsHeard++; // written by this thread only
            return; // an open session discards what arrives: the core's heart-beats
        }
        byte[] bytes = new byte[read];
        readBuffer.flip().get(bytes);
        List<StompFrame> frames = session.decoder.feed(bytes);
        for (StompFrame frame : frames) {
            if (StompFrame.CONNECTED.equals(frame.command())) {
                connected(session, frame);
            } else {
                refuse(session, frame.command() + " " + frame.headers().getOrDefault("message", ""));
            }
            return;
        }
    }

    private void connected(Session session, StompFrame frame) {
        session.decoder = null; // nothing is decoded after CONNECTED
        handshaking.remove(session);
        String heartBeats = String.valueOf(frame.header("heart-beat"));
        serverHeartBeat.compareAndSet("", heartBeats);
        session.silentAfterNanos = SILENT_AFTER_BEATS * coreBeatInterval(heartBeats, heartBeat).toNanos();
        session.beatDueNanos = System.nanoTime() + sendEvery().toNanos();
        beats.addLast(session);
        open++;
    }

    /** Heart-beats of the sessions whose turn has come; a full send buffer skips one beat, not the session. */
    private void beat() {
        long now = System.nanoTime();
        while (!beats.isEmpty() && beats.peekFirst().beatDueNanos <= now) {
            Session session = beats.pollFirst();
            if (!session.channel.isOpen()) {
                continue;
            }
            try {
                session.channel.write(EOL.duplicate());
                session.beatDueNanos = now + sendEvery().toNanos();
                beats.addLast(session);
            } catch (IOException e) {
                lost(session, e.getMessage());
            }
        }
    }

    /** How often each session sends its EOL. */
    Duration sendEvery() {
        return heartBeat.dividedBy(SENDS_PER_BEAT);
    }

    /**
     * How often the core promised to send heart-beats, from its CONNECTED header {@code sx,sy} and the
     * interval the client asked to receive them at: the larger of the two, none when either is 0 or the
     * header is absent or unreadable (STOMP 1.2 "Heart-beating").
     */
    static Duration coreBeatInterval(String connectedHeartBeat, Duration asked) {
        String[] values = connectedHeartBeat.split(",");
        try {
            long sx = Long.parseLong(values[0].trim());
            return sx == 0 || asked.isZero() ? Duration.ZERO : Duration.ofMillis(Math.max(sx, asked.toMillis()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** Recounts the open sessions the core has not heard from for too long, twice a second: a pass over all. */
    private void countSilent() {
        long now = System.nanoTime();
        if (now - silenceCheckedNanos < SILENCE_CHECK_EVERY.toNanos()) {
            return;
        }
        silenceCheckedNanos = now;
        int count = 0;
        for (Session session : beats) {
            if (session.channel.isOpen() && session.silentAfterNanos > 0
                    && now - session.heardNanos > session.silentAfterNanos) {
                count++;
            }
        }
        silent = count;
    }

    private void expireHandshakes() {
        long now = System.nanoTime();
        for (Session session : List.copyOf(handshaking)) {
            if (now - session.startedNanos > HANDSHAKE_TIMEOUT.toNanos()) {
                refuse(session, "no CONNECTED within " + HANDSHAKE_TIMEOUT);
            }
        }
    }

    private void lost(Session session, String why) {
        if (session.handshaking()) {
            refuse(session, why);
            return;
        }
        if (session.channel.isOpen()) {
            closeQuietly(session);
            open--;
            dropped++;
            LOG.debug("An idle session was dropped: {}", why);
        }
    }

    private void refuse(Session session, String why) {
        if (handshaking.remove(session)) {
            session.decoder = null;
            closeQuietly(session);
            refused++;
            if (refused == 1 || refused % 1000 == 0) {
                LOG.warn("Idle session refused ({} so far): {}", refused, why);
            }
        }
    }

    private static void closeQuietly(Session session) {
        try {
            session.channel.close();
        } catch (IOException e) {
            // closing a socket the core already closed
        }
    }

    /** Closes every session (the core sees the clients go) and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        loop.join(Duration.ofSeconds(30).toMillis());
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
