package io.sluice.emulator.util;

import io.sluice.sms.cimd2.Cimd2ChecksumPolicy;
import io.sluice.sms.cimd2.Cimd2Decoded;
import io.sluice.sms.cimd2.Cimd2Decoder;
import io.sluice.sms.cimd2.Cimd2Encoder;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2PacketNumbers;
import io.sluice.sms.cimd2.Cimd2Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small CIMD2 client for tests, on a plain socket and the {@code io.sluice.sms.cimd2} codec: sends
 * requests with odd packet numbers and waits for their responses; answers deliver message (20) and deliver
 * status report (23) with 70 and 73, unless told to leave some unanswered.
 */
public final class TestCimd2Client implements AutoCloseable {

    public static final String USER = "sluice";
    public static final String PASSWORD = "secret";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Socket socket;
    private final OutputStream out;
    private final Cimd2Encoder encoder = new Cimd2Encoder(true);
    private final Cimd2PacketNumbers numbers = Cimd2PacketNumbers.forClient();
    private final BlockingQueue<Cimd2Packet> responses = new LinkedBlockingQueue<>();
    private final List<Cimd2Decoded> received = new CopyOnWriteArrayList<>();
    private final List<Cimd2Packet> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger leaveUnanswered = new AtomicInteger();

    private TestCimd2Client(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "test-cimd2-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static TestCimd2Client connect(int port) throws IOException {
        return new TestCimd2Client(new Socket("127.0.0.1", port));
    }

    /** Connects and logs in as {@value #USER}; fails unless the login is accepted. */
    public static TestCimd2Client loggedIn(int port) throws IOException, InterruptedException {
        TestCimd2Client client = connect(port);
        Cimd2Packet response = client.login(USER, PASSWORD);
        if (response.isNegative()) {
            client.close();
            throw new IllegalStateException("login refused: " + response);
        }
        return client;
    }

    public Cimd2Packet login(String user, String password) throws IOException, InterruptedException {
        return request(Cimd2Packet.builder(Cimd2Operation.LOGIN).add(Cimd2Parameter.USER_IDENTITY, user)
                .add(Cimd2Parameter.PASSWORD, password));
    }

    /** Sends the request with the next packet number and returns its response. */
    public Cimd2Packet request(Cimd2Packet.Builder request) throws IOException, InterruptedException {
        int number = send(request);
        return response(number);
    }

    /** Sends without waiting; returns the packet number used. */
    public int send(Cimd2Packet.Builder request) throws IOException {
        int number = numbers.next();
        write(encoder.encode(request.packetNumber(number).build()));
        return number;
    }

    /** The response to request {@code number}; responses to other numbers that come first are dropped. */
    public Cimd2Packet response(int number) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Cimd2Packet response = responses.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (response != null && response.packetNumber() == number) {
                return response;
            }
        }
        throw new AssertionError("no response to packet " + number + " within " + PATIENCE);
    }

    /** Whether a response arrives for request {@code number} within {@code wait}. */
    public boolean answered(int number, Duration wait) throws InterruptedException {
        Cimd2Packet response = responses.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        return response != null && response.packetNumber() == number;
    }

    public synchronized void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next {@code count} deliveries get no response at all. */
    public TestCimd2Client leaveUnanswered(int count) {
        leaveUnanswered.set(count);
        return this;
    }

    /** Every deliver message and deliver status report received, retransmissions included. */
    public List<Cimd2Packet> deliveries() {
        return deliveries;
    }

    /** Everything decoded from the emulator, in order. */
    public List<Cimd2Decoded> received() {
        return received;
    }

    private void read() {
        Cimd2Decoder decoder = new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT, Cimd2ChecksumPolicy.REQUIRE);
        byte[] buffer = new byte[1024];
        try (InputStream in = socket.getInputStream()) {
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                for (Cimd2Decoded decoded : decoder.feed(buffer, 0, count)) {
                    received.add(decoded);
                    if (decoded instanceof Cimd2Packet packet) {
                        dispatch(packet);
                    }
                }
            }
        } catch (IOException closed) {
            // the test or the emulator hung up
        }
    }

    private void dispatch(Cimd2Packet packet) throws IOException {
        if (packet.operation().isResponse()) {
            responses.add(packet);
            return;
        }
        deliveries.add(packet);
        if (leaveUnanswered.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
            write(encoder.encode(packet.response().build()));
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
