package io.sluice.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Takes real space from the file system a site's data directory lives on, so that its broker finds the
 * disk full, and gives it back. The space is allocated, not just promised: {@code fallocate} reserves the
 * blocks at once (a file grown with {@code setLength} would be sparse and take none); where the file
 * system cannot, zeros are written.
 */
final class DiskFiller implements AutoCloseable {

    private static final int CHUNK_BYTES = 8 * 1024 * 1024;

    private final Path file;

    DiskFiller(Path directory) {
        this.file = directory.resolve("disk-filler.bin");
    }

    /** Bytes the file system holding {@code path} has free for this process, as Artemis measures it. */
    static long usableBytes(Path path) throws IOException {
        return Files.getFileStore(path).getUsableSpace();
    }

    /** Grows the filler until at most {@code freeBytes} are left; returns the filler's size. */
    long leaveFree(long freeBytes) throws IOException, InterruptedException {
        long current = Files.exists(file) ? Files.size(file) : 0;
        long missing = usableBytes(file.getParent()) - freeBytes;
        if (missing > 0) {
            allocate(current + missing);
        }
        return Files.size(file);
    }

    private void allocate(long totalBytes) throws IOException, InterruptedException {
        Process fallocate = new ProcessBuilder("fallocate", "--length", Long.toString(totalBytes), file.toString())
                .redirectErrorStream(true).start();
        if (fallocate.waitFor(30, TimeUnit.SECONDS) && fallocate.exitValue() == 0) {
            return;
        }
        fallocate.destroyForcibly();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(CHUNK_BYTES);
            for (long at = channel.size(); at < totalBytes; at += CHUNK_BYTES) {
                zeros.clear().limit((int) Math.min(CHUNK_BYTES, totalBytes - at));
                channel.write(zeros, at);
            }
            channel.force(false);
        }
    }

    /** Gives the space back. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
