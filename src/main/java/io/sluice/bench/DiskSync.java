package io.sluice.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The yardstick of measurement 3: what one durable disk sync costs on the edge's own disk, now. Writes
 * a 4 KiB block and forces it to disk ({@link FileChannel#force}{@code (false)}, i.e. fdatasync — what
 * Artemis' NIO journal does with {@code journal-datasync}), in the edge's data directory.
 */
final class DiskSync {

    private static final int BLOCK = 4096;

    private DiskSync() {
    }

    /** Nanoseconds of each of {@code count} write-and-sync operations. */
    static long[] time(Path directory, int count) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("bench-disk-sync.tmp");
        long[] samples = new long[count];
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            for (int i = 0; i < count; i++) {
                block.clear();
                block.putLong(0, i);
                long start = System.nanoTime();
                channel.write(block, (long) (i % 64) * BLOCK);
                channel.force(false);
                samples[i] = System.nanoTime() - start;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return samples;
    }
}
