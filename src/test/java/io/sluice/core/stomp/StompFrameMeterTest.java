package io.sluice.core.stomp;

import static io.sluice.core.stomp.StompFrameMeter.Verdict.BAD_CONTENT_LENGTH;
import static io.sluice.core.stomp.StompFrameMeter.Verdict.FRAME_TOO_LARGE;
import static io.sluice.core.stomp.StompFrameMeter.Verdict.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Byte vectors for {@link StompFrameMeter}, named after the edge case; the limit is 1,024 bytes. */
class StompFrameMeterTest {

    private static final int LIMIT = 1024;

    private final StompFrameMeter meter = new StompFrameMeter(LIMIT);

    @Test
    void framesWithinTheLimitPassOneAfterAnother() {
        byte[] frame = frame("SEND\ndestination:/queue/sluice.outbox\nto:bob\n\n" + "x".repeat(900));
        for (int i = 0; i < 100; i++) {
            assertThat(feed(frame)).isEqualTo(OK);
        }
    }

    @Test
    void aFrameOneByteOverTheLimitIsRefused() {
        String head = "SEND\ndestination:d\n\n";
        assertThat(new StompFrameMeter(LIMIT).accept(frame(head + "x".repeat(LIMIT - head.length() - 1)), 0, LIMIT))
                .isEqualTo(OK);
        assertThat(feed(frame(head + "x".repeat(LIMIT - head.length())))).isEqualTo(FRAME_TOO_LARGE);
    }

    @Test
    void aFrameThatNeverEndsIsRefusedOnceItPassesTheLimitSplitAcrossReads() {
        assertThat(feed(ascii("SEND\ndestination:d\n\n"))).isEqualTo(OK);
        StompFrameMeter.Verdict verdict = OK;
        int reads = 0;
        while (verdict == OK && reads < 1000) {
            verdict = feed(ascii("no NUL in sight "));
            reads++;
        }
        assertThat(verdict).isEqualTo(FRAME_TOO_LARGE);
        assertThat(reads * 16).isBetween(LIMIT - 40, LIMIT + 16);
    }

    @Test
    void headersThatNeverEndAreRefusedToo() {
        assertThat(feed(ascii("SEND\n" + "h:v\n".repeat(LIMIT / 4)))).isEqualTo(FRAME_TOO_LARGE);
    }

    @Test
    void aContentLengthBeyondTheLimitIsRefusedBeforeAnyBody() {
        assertThat(feed(ascii("SEND\ndestination:d\ncontent-length:2147483647\n"))).isEqualTo(BAD_CONTENT_LENGTH);
    }

    @Test
    void aContentLengthThatIsNoNumberIsRefused() {
        for (String value : new String[] {"-5", "12a", "", "99999999999", "1" + " ".repeat(40)}) {
            assertThat(new StompFrameMeter(LIMIT).accept(frame("SEND\ncontent-length:" + value + "\n\n"), 0, 10_000))
                    .as(value).isIn(BAD_CONTENT_LENGTH);
        }
    }

    @Test
    void aCountedBodyMayHoldNulsAndEndsAfterItsLength() {
        byte[] body = new byte[500]; // all NUL
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("SEND\ncontent-length:500\n\n"));
        out.writeBytes(body);
        out.write(0);
        byte[] frame = out.toByteArray();
        for (int i = 0; i < 10; i++) {
            assertThat(feed(frame)).isEqualTo(OK);
        }
    }

    @Test
    void theLastContentLengthCountsAsInArtemis() {
        assertThat(feed(ascii("SEND\ncontent-length:10\ncontent-length:5000\n"))).isEqualTo(BAD_CONTENT_LENGTH);
    }

    @Test
    void aContentLengthLineInsideABodyIsText() {
        assertThat(feed(frame("SEND\n\ncontent-length:99999999\n"))).isEqualTo(OK);
    }

    @Test
    void heartBeatsBetweenFramesAreNotCounted() {
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertThat(feed(ascii(i % 2 == 0 ? "\n" : "\r\n"))).isEqualTo(OK);
        }
        assertThat(feed(frame("SEND\r\ndestination:d\r\n\r\nhello"))).isEqualTo(OK);
    }

    @Test
    void aRefusalStays() {
        assertThat(feed(frame("SEND\n\n" + "x".repeat(LIMIT)))).isEqualTo(FRAME_TOO_LARGE);
        assertThat(feed(frame("SEND\n\nsmall"))).isEqualTo(FRAME_TOO_LARGE);
    }

    @Test
    void aLimitTooSmallForHeadersIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new StompFrameMeter(100)).hasMessageContaining("1024");
    }

    private StompFrameMeter.Verdict feed(byte[] bytes) {
        return meter.accept(bytes, 0, bytes.length);
    }

    private static byte[] frame(String text) {
        return ascii(text + "\0");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
