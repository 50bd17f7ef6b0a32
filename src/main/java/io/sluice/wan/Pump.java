package io.sluice.wan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection. A reader thread stamps what arrives with a release time and
 * puts it in the delay line; a writer thread takes each chunk out when it is due and writes it at
 * the allowed bandwidth. Two threads, because reading must go on (and be dropped, in a black hole)
 * while the writer waits.
 */
final class Pump {

    /** Largest chunk read in one go; a chunk is the unit of delay. */
    static final int READ_BUFFER_BYTES = 16 * 1024;
    /** Bytes one direction may have in flight before the sender is held back (like a TCP window). */
    static final long IN_FLIGHT_CAPACITY_BYTES = 4L * 1024 * 1024;

    private final Direction direction;
    private final Socket from;
    private final Socket to;
    private final ProxiedConnection connection;
    private final LinkConditions link;
    private final WanCounters counters;
    private final ReleaseSchedule schedule;
    private final DelayLine line = new DelayLine(IN_FLIGHT_CAPACITY_BYTES);
    private final Pacer pacer = new Pacer();

    Pump(Direction direction, Socket from, Socket to, ProxiedConnection connection, LinkConditions link,
            WanCounters counters, Random jitterRandom) {
        this.direction = direction;
        this.from = from;
        this.to = to;
        this.connection = connection;
        this.link = link;
        this.counters = counters;
        this.schedule = new ReleaseSchedule(jitterRandom);
    }

    /** The reader and the writer, not started yet. */
    List<Thread> threads(String namePrefix) {
        String name = namePrefix + "-" + direction.label();
        return List.of(Threads.daemon(this::readLoop, name + "-read"), Threads.daemon(this::writeLoop, name + "-write"));
    }

    /** Bytes read but not yet due to be written. */
    long bytesInFlight() {
        return line.bytes();
    }

    /** Drops what is in flight (a black hole began); returns the number of chunks lost. */
    int dropInFlight() {
        List<Chunk> dropped = List.copyOf(line.clear());
        if (!dropped.isEmpty()) {
            connection.lost(dropped.stream().mapToInt(Chunk::length).sum());
        }
        return dropped.size();
    }

    private void readLoop() {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        try {
            InputStream in = from.getInputStream();
            while (true) {
                int read = in.read(buffer);
                long arrivedAt = System.nanoTime();
                LinkConditions.State state = link.state();
                if (state.blackHoled()) {
                    // a black hole loses what arrives, the end of the stream included
                    connection.lost(Math.max(read, 0));
                } else {
                    long release = schedule.releaseAt(arrivedAt, link.latency(), link.jitter());
                    line.put(read < 0 ? Chunk.endOfStream(release, state.epoch())
                            : Chunk.data(Arrays.copyOf(buffer, read), release, state.epoch()));
                }
                if (read < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            connection.abort(direction + " read failed: " + e.getMessage());
        } catch (InterruptedException e) {
            // the connection is closing
        }
    }

    private void writeLoop() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = line.takeDue();
                if (!isDeliverable(chunk)) {
                    connection.lost(chunk.length());
                    if (chunk.endOfStream()) {
                        return;
                    }
                } else if (chunk.endOfStream()) {
                    to.shutdownOutput();
                    connection.finished(direction);
                    return;
                } else {
                    write(chunk, out);
                }
            }
        } catch (IOException e) {
            connection.abort(direction + " write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            // the connection is closing
        }
    }

    private void write(Chunk chunk, OutputStream out) throws IOException, InterruptedException {
        byte[] bytes = chunk.bytes();
        int offset = 0;
        while (offset < bytes.length) {
            long rate = link.bandwidth();
            int slice = Pacer.sliceBytes(rate, bytes.length - offset);
            sleepUntil(pacer.transmittedAt(System.nanoTime(), slice, rate));
            if (!isDeliverable(chunk)) {
                // a black hole began while this chunk was on the wire: the rest of it is lost
                connection.lost(bytes.length - offset);
                return;
            }
            out.write(bytes, offset, slice);
            counters.forwarded(direction, slice);
            offset += slice;
        }
    }

    /** A chunk read before the latest black hole began was in flight in it, and is lost. */
    private boolean isDeliverable(Chunk chunk) {
        LinkConditions.State state = link.state();
        return !state.blackHoled() && state.epoch() == chunk.epoch();
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long waitNanos;
        while ((waitNanos = deadlineNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
