package io.sluice.emulator.handset;

import io.sluice.sms.text.Concatenation;
import io.sluice.sms.text.MalformedUdhException;
import io.sluice.sms.text.MoGroup;
import io.sluice.sms.text.MoReassembler;
import io.sluice.sms.text.MoText;
import io.sluice.sms.text.SmsEncoding;
import io.sluice.sms.text.Udh;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a phone does with concatenated SMS (3GPP TS 23.040 §9.2.3.24.1): holds the parts and shows
 * the message once all arrived, in any order, a repeated part once. Joined with Sluice's own
 * {@link MoReassembler}: for the handset, the submit's source address is the originator. A message
 * still incomplete after {@link #PATIENCE} is shown with the library's missing-part markers when the
 * next part of any message arrives.
 */
final class PartJoiner {

    /** How long a phone waits for the rest of a message; generous, the emulator delivers at once. */
    static final Duration PATIENCE = Duration.ofMinutes(10);
    /** Incomplete messages held per phone. */
    private static final int MAX_PENDING = 50;
    /** SMPP 3.4 §5.2.12: esm_class bit 6, the short message starts with a User Data Header. */
    private static final int ESM_CLASS_UDHI = 0x40;

    private final MoReassembler reassembler;
    /** Octets of the parts of each pending message, so a joined message shows them all in rawHex. */
    private final Map<MoGroup, StringBuilder> rawByGroup = new HashMap<>();

    PartJoiner(Clock clock) {
        this.reassembler = new MoReassembler(clock, PATIENCE, MAX_PENDING);
    }

    /** The messages the phone shows now that this submit arrived: itself, a joined message, or none yet. */
    List<ReceivedMessage> join(ReceivedMessage part, byte esmClass, byte[] octets) {
        Optional<SmsEncoding> encoding = SmsEncoding.fromDataCoding(part.dataCoding());
        Optional<Concatenation> concatenation = (esmClass & ESM_CLASS_UDHI) == 0 ? Optional.empty()
                : concatenationOf(octets);
        if (encoding.isEmpty() || concatenation.isEmpty()) {
            return List.of(part);
        }
        List<MoText> texts;
        try {
            texts = reassembler.accept(part.from(), encoding.get(), true, octets);
        } catch (MalformedUdhException | IllegalArgumentException undecodable) {
            return List.of(part);
        }
        rawByGroup.computeIfAbsent(MoGroup.of(part.from(), concatenation.get()), group -> new StringBuilder())
                .append(part.rawHex());
        return texts.stream().map(text -> new ReceivedMessage(part.messageId(), part.from(), part.to(), text.text(),
                part.dataCoding(), String.valueOf(rawByGroup.remove(text.group())), part.time(),
                text.partsReceived())).toList();
    }

    private static Optional<Concatenation> concatenationOf(byte[] octets) {
        try {
            return Udh.parse(octets).concatenation().filter(c -> c.total() > 1);
        } catch (MalformedUdhException malformed) {
            return Optional.empty();
        }
    }
}
