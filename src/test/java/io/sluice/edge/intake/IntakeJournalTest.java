package io.sluice.edge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MO intake log's file format (ADR 0038): what a restart reads back, and what it cuts off. */
class IntakeJournalTest {

    private static final long SEGMENT = 1L << 20;

    @TempDir
    Path directory;

    @Test
    void recordsAppendedAreReadBackInOrderAfterAReopen() throws IOException {
        try (IntakeJournal journal = IntakeJournal.open(directory, SEGMENT, 0).journal()) {
            assertThat(journal.append(bytes("one"))).isEqualTo(1);
            assertThat(journal.append(bytes("two"))).isEqualTo(2);
            assertThat(journal.append(bytes("three"))).isEqualTo(3);
        }

        IntakeJournal.Opened reopened = IntakeJournal.open(directory, SEGMENT, 0);
        try (IntakeJournal journal = reopened.journal()) {
            assertThat(texts(reopened.entries())).containsExactly("1 one", "2 two", "3 three");
            assertThat(journal.append(bytes("four"))).as("numbered on from the last").isEqualTo(4);
        }
    }

    @Test
    void recordsAtOrBeforeTheMarkerAreNotHandedBackAndNumberingGoesOnAboveBoth() throws IOException {
        try (IntakeJournal journal = IntakeJournal.open(directory, SEGMENT, 0).journal()) {
            journal.append(bytes("one"));
            journal.append(bytes("two"));
        }
        IntakeJournal.Opened reopened = IntakeJournal.open(directory, SEGMENT, 1);
        try (IntakeJournal journal = reopened.journal()) {
            assertThat(texts(reopened.entries())).containsExactly("2 two");
        }
        // a marker beyond the log (its directory emptied): numbering starts above the marker
        IntakeJournal.Opened ahead = IntakeJournal.open(directory.resolve("empty"), SEGMENT, 57);
        try (IntakeJournal journal = ahead.journal()) {
            assertThat(ahead.entries()).isEmpty();
            assertThat(journal.append(bytes("next"))).isEqualTo(58);
        }
    }

    @Test
    void aRecordWrittenInPartAtTheEndIsCutOffAndItsSequenceGivenToTheNext() throws IOException {
        try (IntakeJournal journal = IntakeJournal.open(directory, SEGMENT, 0).journal()) {
            journal.append(bytes("whole"));
            journal.append(bytes("torn by the crash"));
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 5); // the kill came in the middle of the second write
        }

        IntakeJournal.Opened reopened = IntakeJournal.open(directory, SEGMENT, 0);
        try (IntakeJournal journal = reopened.journal()) {
            assertThat(texts(reopened.entries())).containsExactly("1 whole");
            assertThat(journal.append(bytes("resent by the SMSC"))).isEqualTo(2);
        }
        assertThat(texts(IntakeJournal.open(directory, SEGMENT, 0).entries()))
                .containsExactly("1 whole", "2 resent by the SMSC");
    }

    @Test
    void aRecordWhoseBytesChangedFailsItsCrcAndIsCutOffWithEverythingAfterIt() throws IOException {
        try (IntakeJournal journal = IntakeJournal.open(directory, SEGMENT, 0).journal()) {
            journal.append(bytes("first"));
            journal.append(bytes("second"));
            journal.append(bytes("third"));
        }
        Path segment = onlySegment();
        int secondPayloadAt = 16 + "first".length() + 16;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), secondPayloadAt);
        }

        assertThat(texts(IntakeJournal.open(directory, SEGMENT, 0).entries())).containsExactly("1 first");
        assertThat(copiesOfCutBytes()).as("what was cut off is kept for an operator").hasSize(1);
    }

    @Test
    void damageBeforeTheLastSegmentIsNotCutOffAndTheSegmentsAfterItAreRead() throws IOException {
        long small = 64; // two records a segment
        try (IntakeJournal journal = IntakeJournal.open(directory, small, 0).journal()) {
            for (int i = 1; i <= 4; i++) {
                journal.append(bytes("record-" + i + "-xxxxxxxxxxxxxxx"));
            }
        }
        Path first = segments().get(0);
        long size = Files.size(first);
        try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), size - 1); // the second record's last byte
        }

        assertThat(texts(IntakeJournal.open(directory, small, 0).entries()))
                .extracting(text -> text.substring(0, text.indexOf(' '))).containsExactly("1", "3", "4");
        assertThat(Files.size(first)).as("not cut: an operator may still read it").isEqualTo(size);
        assertThat(copiesOfCutBytes()).isNotEmpty();
    }

    @Test
    void aFileThatIsNoSegmentIsLeftAlone() throws IOException {
        Files.writeString(directory.resolve("notes.log"), "an operator's notes");
        try (IntakeJournal journal = IntakeJournal.open(directory, SEGMENT, 0).journal()) {
            assertThat(journal.append(bytes("one"))).isEqualTo(1);
        }
        assertThat(texts(IntakeJournal.open(directory, SEGMENT, 0).entries())).containsExactly("1 one");
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{19}\\.log")).sorted().toList();
        }
    }

    private List<Path> copiesOfCutBytes() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().contains(".cut-")).toList();
        }
    }

    @Test
    void aLengthBeyondTheLimitIsTakenForGarbageNotAllocated() throws IOException {
        try (IntakeJournal journal = IntakeJournal.open(directory, SEGMENT, 0).journal()) {
            journal.append(bytes("kept"));
        }
        try (FileChannel channel = FileChannel.open(onlySegment(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.allocate(16).putInt(Integer.MAX_VALUE).putInt(0).putLong(2).flip());
        }

        assertThat(texts(IntakeJournal.open(directory, SEGMENT, 0).entries())).containsExactly("1 kept");
    }

    @Test
    void fullSegmentsRollOverAndAreDeletedOnceEveryRecordInThemIsMoved() throws IOException {
        long small = 64; // two records of 24 + 16 bytes fill a segment
        try (IntakeJournal journal = IntakeJournal.open(directory, small, 0).journal()) {
            for (int i = 1; i <= 6; i++) {
                journal.append(bytes("record-" + i + "-xxxxxxxxxxxxxxx"));
            }
            assertThat(journal.segmentCount()).isEqualTo(3);

            assertThat(journal.trimThrough(3)).as("the second segment still holds record 4").isEqualTo(1);
            assertThat(journal.trimThrough(6)).as("the segment written to is kept").isEqualTo(1);
            assertThat(journal.segmentCount()).isEqualTo(1);
        }
        IntakeJournal.Opened reopened = IntakeJournal.open(directory, small, 6);
        try (IntakeJournal journal = reopened.journal()) {
            assertThat(reopened.entries()).isEmpty();
            assertThat(journal.append(bytes("seven"))).isEqualTo(7);
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<IntakeJournal.Entry> entries) {
        return entries.stream().map(e -> e.sequence() + " " + new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }
}
