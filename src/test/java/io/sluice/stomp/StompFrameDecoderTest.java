package io.sluice.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Byte vectors for the STOMP 1.2 framing rules (§"STOMP Frames", §"Value Encoding", §"Heart-beating"). */
class StompFrameDecoderTest {

    private static final String MESSAGE = "MESSAGE\n"
            + "destination:/queue/sluice.inbox.alice\n"
            + "type:chat\n"
            + "from:+447700900123\n"
            + "content-length:7\n"
            + "\n"
            + "héllo!\0";

    private final StompFrameDecoder decoder = new StompFrameDecoder();

    @Test
    void decodeWholeFrame() {
        List<StompFrame> frames = decoder.feed(bytes(MESSAGE));

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.command()).isEqualTo("MESSAGE");
            assertThat(frame.headers()).containsExactly(
                    Map.entry("destination", "/queue/sluice.inbox.alice"),
                    Map.entry("type", "chat"),
                    Map.entry("from", "+447700900123"),
                    Map.entry("content-length", "7"));
            assertThat(frame.body()).isEqualTo("héllo!");
        });
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void decodeSplitAcrossTwoReads() {
        byte[] wire = bytes(MESSAGE);
        // Every cut: inside the command, a header, the blank line, the two bytes of 'é', just before the NUL.
        for (int cut = 1; cut < wire.length; cut++) {
            StompFrameDecoder fresh = new StompFrameDecoder();

            assertThat(fresh.feed(Arrays.copyOfRange(wire, 0, cut))).as("after %d bytes", cut).isEmpty();
            assertThat(fresh.buffered()).isEqualTo(cut);
            List<StompFrame> frames = fresh.feed(Arrays.copyOfRange(wire, cut, wire.length));

            assertThat(frames).as("cut at %d", cut).singleElement()
                    .satisfies(frame -> assertThat(frame.body()).isEqualTo("héllo!"));
            assertThat(fresh.buffered()).isZero();
        }
    }

    @Test
    void decodeSplitWithoutContentLength() {
        assertThat(decoder.feed(bytes("RECEIPT\nreceipt-id:7"))).isEmpty();
        assertThat(decoder.feed(bytes("\n\n"))).isEmpty();

        assertThat(decoder.feed(bytes("\0"))).singleElement()
                .satisfies(frame -> assertThat(frame.header("receipt-id")).isEqualTo("7"));
    }

    @Test
    void decodeTwoFramesInOneReadKeepsTheRest() {
        String receipt = "RECEIPT\nreceipt-id:r-1\n\n\0";

        List<StompFrame> frames = decoder.feed(bytes(receipt + MESSAGE + "ERROR\nmess"));

        assertThat(frames).extracting(StompFrame::command).containsExactly("RECEIPT", "MESSAGE");
        assertThat(decoder.buffered()).isEqualTo("ERROR\nmess".length());
    }

    @Test
    void decodeSkipsHeartBeatEolsBetweenFrames() {
        assertThat(decoder.feed(bytes("\n\r\n\n"))).isEmpty();
        assertThat(decoder.buffered()).isZero();

        List<StompFrame> frames = decoder.feed(bytes("RECEIPT\nreceipt-id:1\n\n\0\n\r\n\nRECEIPT\nreceipt-id:2\n\n\0\n"));

        assertThat(frames).extracting(frame -> frame.header("receipt-id")).containsExactly("1", "2");
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void decodeHeartBeatCrSplitFromItsLf() {
        assertThat(decoder.feed(bytes("\r"))).isEmpty();
        assertThat(decoder.buffered()).isEqualTo(1);

        assertThat(decoder.feed(bytes("\nRECEIPT\nreceipt-id:1\n\n\0"))).hasSize(1);
    }

    @Test
    void decodeCrLfLineEndings() {
        List<StompFrame> frames = decoder.feed(bytes("MESSAGE\r\ntype:status\r\nstatus:delivered\r\n\r\n\0"));

        assertThat(frames).singleElement().satisfies(frame -> assertThat(frame.headers())
                .containsExactly(Map.entry("type", "status"), Map.entry("status", "delivered")));
    }

    @Test
    void decodeRepeatedHeaderKeepsTheFirst() {
        List<StompFrame> frames = decoder.feed(bytes("MESSAGE\nfoo:World\nfoo:Hello\n\n\0"));

        assertThat(frames.get(0).header("foo")).isEqualTo("World");
    }

    @Test
    void decodeContentLengthBodyContainingNul() {
        byte[] wire = bytes("MESSAGE\ncontent-length:5\n\na\0b\0c\0");

        List<StompFrame> frames = decoder.feed(wire);

        assertThat(frames).singleElement().satisfies(frame -> assertThat(frame.body()).isEqualTo("a\0b\0c"));
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void decodeBodyWithoutContentLengthEndsAtFirstNul() {
        List<StompFrame> frames = decoder.feed(bytes("ERROR\nmessage:bad credentials\n\nno such user\0\n"));

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.header("message")).isEqualTo("bad credentials");
            assertThat(frame.body()).isEqualTo("no such user");
        });
    }

    @Test
    void headerEscapingRoundTrip() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("sent-at", "2026-11-26T20:11:41Z");
        headers.put("detail", "line one\nline two\r\\end");
        headers.put("odd:name", "x");
        StompFrame sent = new StompFrame("MESSAGE", headers, "text");

        byte[] wire = sent.encode();

        assertThat(new String(wire, StandardCharsets.UTF_8)).isEqualTo("MESSAGE\n"
                + "sent-at:2026-11-26T20\\c11\\c41Z\n"
                + "detail:line one\\nline two\\r\\\\end\n"
                + "odd\\cname:x\n"
                + "content-length:4\n"
                + "\n"
                + "text\0");
        StompFrame received = decoder.feed(wire).get(0);
        assertThat(received.headers()).containsAllEntriesOf(headers);
        assertThat(received.body()).isEqualTo("text");
    }

    @Test
    void connectAndConnectedHeadersAreNotEscaped() {
        StompFrame connect = StompFrame.of("CONNECT", "login", "a:b", "accept-version", "1.2");

        assertThat(new String(connect.encode(), StandardCharsets.UTF_8))
                .isEqualTo("CONNECT\nlogin:a:b\naccept-version:1.2\n\n\0");
        List<StompFrame> frames = decoder.feed(bytes("CONNECTED\nversion:1.2\nserver:Broker/2.44 \\c\n\n\0"));
        assertThat(frames.get(0).header("server")).isEqualTo("Broker/2.44 \\c");
    }

    @Test
    void encodeComputesContentLengthInBytes() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", "/queue/sluice.outbox");
        headers.put("content-length", "999");

        String wire = new String(new StompFrame("SEND", headers, "€1").encode(), StandardCharsets.UTF_8);

        assertThat(wire).isEqualTo("SEND\ndestination:/queue/sluice.outbox\ncontent-length:4\n\n€1\0");
    }

    @Test
    void encodeGivesBodylessFramesNoContentLength() {
        String wire = new String(StompFrame.of("SUBSCRIBE", "id", "1", "destination", "/queue/q").encode(),
                StandardCharsets.UTF_8);

        assertThat(wire).isEqualTo("SUBSCRIBE\nid:1\ndestination:/queue/q\n\n\0");
    }

    @Test
    void oversizeHeaderBlockFailsBeforeItEnds() {
        StompFrameDecoder small = new StompFrameDecoder(64, 1024);

        assertThatThrownBy(() -> small.feed(bytes("MESSAGE\nx:" + "y".repeat(100))))
                .isInstanceOf(StompFrameException.class)
                .hasMessageContaining("Header block longer than 64 bytes")
                .hasMessageContaining("'MESSAGE'");
        assertThat(small.state()).isEqualTo(StompFrameDecoder.State.BAD_FRAME);
    }

    @Test
    void oversizeContentLengthFailsBeforeTheBodyArrives() {
        StompFrameDecoder small = new StompFrameDecoder(1024, 10);

        assertThatThrownBy(() -> small.feed(bytes("MESSAGE\ncontent-length:11\n\n")))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("MESSAGE body of 11 bytes exceeds the limit of 10");
    }

    @Test
    void oversizeBodyWithoutNulFails() {
        StompFrameDecoder small = new StompFrameDecoder(1024, 10);
        small.feed(bytes("MESSAGE\n\n0123456789"));

        assertThatThrownBy(() -> small.feed(bytes("A")))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("MESSAGE body exceeds the limit of 10 bytes without a NUL");
    }

    @Test
    void garbageWithoutHeaderBlockFails() {
        assertThatThrownBy(() -> decoder.feed(bytes("hello world\0")))
                .isInstanceOf(StompFrameException.class)
                .hasMessageStartingWith("NUL inside the header block of 'hello world\\u0000'");
    }

    @Test
    void binaryGarbageIsNotACommandLine() {
        byte[] tlsHello = {0x16, 0x03, 0x01, 0x02, '\n', '\n', 0};

        assertThatThrownBy(() -> decoder.feed(tlsHello))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("Not a STOMP command line: '\\u0016\\u0003\\u0001\\u0002'");
    }

    @Test
    void lowerCaseCommandIsNotACommandLine() {
        assertThatThrownBy(() -> decoder.feed(bytes("send\n\n\0")))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("Not a STOMP command line: 'send'");
    }

    @Test
    void headerLineWithoutColonFails() {
        assertThatThrownBy(() -> decoder.feed(bytes("MESSAGE\nno colon here\n\n\0")))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("Header line without ':' in MESSAGE: 'no colon here'");
    }

    @Test
    void undefinedEscapeIsFatal() {
        assertThatThrownBy(() -> decoder.feed(bytes("MESSAGE\nfoo:a\\tb\n\n\0")))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("Undefined escape sequence in header: 'a\\tb'");
    }

    @Test
    void contentLengthNotFollowedByNulFails() {
        assertThatThrownBy(() -> decoder.feed(bytes("MESSAGE\ncontent-length:2\n\nabc\0")))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("MESSAGE body is not followed by NUL after its content-length of 2 bytes");
    }

    @Test
    void contentLengthThatIsNotANumberFails() {
        assertThatThrownBy(() -> decoder.feed(bytes("MESSAGE\ncontent-length:-1\n\n\0")))
                .isInstanceOf(StompFrameException.class)
                .hasMessage("content-length is not a byte count in MESSAGE: '-1'");
    }

    @Test
    void framesBeforeABadOneStillReachTheSink() {
        byte[] wire = bytes("RECEIPT\nreceipt-id:1\n\n\0garbage\0");
        List<StompFrame> delivered = new ArrayList<>();

        assertThatThrownBy(() -> decoder.feed(wire, 0, wire.length, delivered::add))
                .isInstanceOf(StompFrameException.class);
        assertThat(delivered).extracting(StompFrame::command).containsExactly("RECEIPT");
    }

    @Test
    void failedDecoderRefusesMoreBytes() {
        assertThatThrownBy(() -> decoder.feed(bytes("bad\0"))).isInstanceOf(StompFrameException.class);

        assertThatThrownBy(() -> decoder.feed(bytes("RECEIPT\n\n\0")))
                .isInstanceOf(StompFrameException.class)
                .hasMessageStartingWith("Stream already failed: NUL inside the header block");
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void limitsAreCheckedInTheConstructor() {
        assertThatThrownBy(() -> new StompFrameDecoder(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
