package io.sluice.edge.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal of numbered records in segment files, each record on disk before
 * {@link #append} returns (ADR 0038). A record is {@code length (int), CRC-32 of what follows (int),
 * sequence (long), payload}; a segment is named after its first sequence. Not thread-safe: its owner
 * ({@link MoIntakeLog}) serialises calls.
 *
 * <p>After a crash the last segment may end in a record written in part: its length or CRC is wrong,
 * it was never acknowledged, and {@link #open} cuts it off.
 */
public final class IntakeJournal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeJournal.class);
    private static final String SUFFIX = ".log";
    private static final java.util.regex.Pattern SEGMENT_NAME = java.util.regex.Pattern.compile("\\d{19}\\.log");
    /** length + CRC + sequence */
    private static final int HEADER_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES;
    /** Far above any MO record (a few hundred bytes); a length beyond it is a torn or corrupt record. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private final Path directory;
    private final long segmentBytes;
    /** first sequence of each segment → its last sequence (or first - 1 while empty) */
    private final TreeMap<Long, Long> segments = new TreeMap<>();
    private FileChannel active;
    private long activeFirst;
    private long nextSequence;

    private IntakeJournal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /** A journal record read back at start. */
    public record Entry(long sequence, byte[] payload) {
    }

    /**
     * Opens (or creates) the journal in {@code directory} and reads back every record after {@code after},
     * in sequence order; a torn record at the end is cut off. New records are numbered from above both the
     * last record found and {@code after}.
     */
    public static Opened open(Path directory, long segmentBytes, long after) throws IOException {
        Files.createDirectories(directory);
        IntakeJournal journal = new IntakeJournal(directory, segmentBytes);
        List<Entry> entries = journal.recover(after);
        return new Opened(journal, entries);
    }

    /** The journal and the records it holds after the marker it was opened with. */
    public record Opened(IntakeJournal journal, List<Entry> entries) {
    }

    private List<Entry> recover(long after) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(p -> SEGMENT_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        List<Entry> entries = new ArrayList<>();
        long last = after;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            long first = firstSequenceOf(file);
            long segmentLast = readSegment(file, i == files.size() - 1, after, entries);
            segments.put(first, Math.max(segmentLast, first - 1));
            last = Math.max(last, segmentLast);
        }
        nextSequence = last + 1;
        if (segments.isEmpty()) {
            startSegment();
        } else {
            activeFirst = segments.lastKey();
            active = FileChannel.open(segmentPath(activeFirst), StandardOpenOption.WRITE);
            active.position(active.size());
        }
        return entries;
    }

    /** Reads one segment's records; returns the last sequence in it (0 if none). */
    private long readSegment(Path file, boolean lastSegment, long after, List<Entry> entries) throws IOException {
        long lastSequence = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (position < size) {
                header.clear();
                if (readFully(channel, header, position) < HEADER_BYTES) {
                    break;
                }
                header.flip();
                int length = header.getInt();
                int crc = header.getInt();
                long sequence = header.getLong();
                if (length < 0 || length > MAX_PAYLOAD_BYTES || position + HEADER_BYTES + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, position + HEADER_BYTES);
                if (crc != crcOf(sequence, payload.array())) {
                    break;
                }
                if (sequence > after) {
                    entries.add(new Entry(sequence, payload.array()));
                }
                lastSequence = sequence;
                position += HEADER_BYTES + length;
            }
            if (position < size) {
                keepUnreadable(channel, file, position, size, lastSegment);
            }
        }
        return lastSequence;
    }

    /**
     * What follows the last whole record. At the end of the last segment that is a record written in part by
     * a crash, never answered: it is cut off so the next record follows the last whole one. Anywhere else it
     * is damage to records that were answered: the segment is left as it is and a copy kept beside it for an
     * operator. Either way the bytes are copied to {@code <segment>.cut-<offset>} first.
     */
    private void keepUnreadable(FileChannel channel, Path file, long position, long size, boolean lastSegment)
            throws IOException {
        ByteBuffer rest = ByteBuffer.allocate((int) Math.min(size - position, Integer.MAX_VALUE - 8));
        readFully(channel, rest, position);
        Path copy = directory.resolve(file.getFileName() + ".cut-" + position);
        Files.write(copy, Arrays.copyOf(rest.array(), rest.position()));
        if (lastSegment) {
            LOG.warn("MO intake log {}: cut off {} byte(s) after its last whole record, a record written in part"
                    + " (never answered); copied to {}", file.getFileName(), size - position, copy.getFileName());
            channel.truncate(position);
            channel.force(true);
        } else {
            LOG.error("MO intake log {}: {} byte(s) after offset {} do not read as records; the records in them are"
                    + " lost. Copied to {} for an operator", file.getFileName(), size - position, position,
                    copy.getFileName());
        }
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int read = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }

    /**
     * Appends {@code payload} as the next record and forces it to disk; returns its sequence. On failure
     * the file is cut back to where it was, so a record is in the journal only if this returned.
     */
    public long append(byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("An intake record of " + payload.length + " bytes is over the limit");
        }
        if (active.position() >= segmentBytes) {
            rollSegment();
        }
        long sequence = nextSequence;
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        record.putInt(payload.length).putInt(crcOf(sequence, payload)).putLong(sequence).put(payload).flip();
        long before = active.position();
        try {
            while (record.hasRemaining()) {
                active.write(record);
            }
            active.force(false);
        } catch (IOException failed) {
            cutBack(before, failed);
            throw failed;
        }
        nextSequence++;
        segments.put(activeFirst, sequence);
        return sequence;
    }

    private void cutBack(long before, IOException failed) {
        try {
            active.truncate(before);
            active.position(before);
            active.force(false);
        } catch (IOException alsoFailed) {
            failed.addSuppressed(alsoFailed);
            throw new UncheckedIOException("The MO intake log could not be cut back after a failed append;"
                    + " it is not written again until a restart reads it back", failed);
        }
    }

    /** Deletes every segment all of whose records are at or before {@code sequence}, except the one written to. */
    public int trimThrough(long sequence) throws IOException {
        int deleted = 0;
        while (segments.size() > 1) {
            var oldest = segments.firstEntry();
            if (oldest.getValue() > sequence) {
                break;
            }
            Files.deleteIfExists(segmentPath(oldest.getKey()));
            segments.remove(oldest.getKey());
            deleted++;
        }
        return deleted;
    }

    /** How many segment files the journal has. */
    public int segmentCount() {
        return segments.size();
    }

    /** A new segment; if it cannot be made, the full one goes on taking records and the next append tries again. */
    private void rollSegment() throws IOException {
        FileChannel full = active;
        try {
            startSegment();
        } catch (IOException failed) {
            LOG.warn("MO intake log: could not start a new segment ({}); the current one takes this record", failed.toString());
            return;
        }
        full.close();
    }

    private void startSegment() throws IOException {
        Path path = segmentPath(nextSequence);
        FileChannel created = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            forceDirectory(); // the new file's name is on disk before a record in it is answered
        } catch (IOException failed) {
            created.close();
            Files.deleteIfExists(path);
            throw failed;
        }
        active = created;
        activeFirst = nextSequence;
        segments.put(activeFirst, activeFirst - 1);
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private Path segmentPath(long first) {
        return directory.resolve(String.format(Locale.ROOT, "%019d", first) + SUFFIX);
    }

    private static long firstSequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static int crcOf(long sequence, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, sequence).array());
        crc.update(payload);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        active.close();
    }
}
