package io.sluice.emulator.outbound;

import io.sluice.emulator.DefaultAlphabet;
import io.sluice.emulator.handset.Handsets;
import io.sluice.emulator.handset.SentMessage;
import io.sluice.emulator.handset.SmppAddress;
import io.sluice.emulator.text.SmsText;
import io.sluice.emulator.traffic.EmulatorStats;
import io.sluice.sms.text.SmsPart;
import io.sluice.sms.text.SmsSplitter;
import io.sluice.sms.text.TextTooLongException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A phone texting the service: checks the request, encodes the text and queues the deliver_sm for
 * the service's ESME account, where it waits until a receiver is bound (store-and-forward). A text
 * longer than one SMS goes as concatenated parts (3GPP TS 23.040 §9.2.3.24.1), cut by Sluice's own
 * {@link SmsSplitter}: GSM 03.38 when every character has a GSM code, UCS-2 otherwise.
 */
public final class MobileOriginator {

    /** ITU-T E.164: at most 15 digits; fewer than 6 is more likely a typo than a real number. */
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{6,15}");
    /** SMPP 3.4 §5.2.9: destination_addr holds at most 20 characters (21 octets with the NUL). */
    private static final Pattern SMPP_NUMBER = Pattern.compile("\\+?[0-9]{1,20}");
    /** SMPP 3.4 §5.2.12: esm_class 0, default message mode and type. */
    private static final byte ESM_CLASS_DEFAULT = 0x00;
    /** SMPP 3.4 §5.2.12: esm_class bit 6, UDHI: the short message starts with a User Data Header. */
    private static final byte ESM_CLASS_UDHI = 0x40;

    private final String serviceNumber;
    private final String serviceSystemId;
    private final SmsText smsText;
    private final Mailboxes mailboxes;
    private final MessageIds messageIds;
    private final Handsets handsets;
    private final EmulatorStats stats;
    private final Clock clock;
    /** Handsets number their concatenated messages; one counter for all phones is enough here. */
    private final AtomicInteger references = new AtomicInteger();
    private final SmsSplitter splitter = new SmsSplitter(SmsSplitter.MAX_PARTS_LIMIT, references::incrementAndGet);
    private final Random random = new Random();

    public MobileOriginator(String serviceNumber, String serviceSystemId, SmsText smsText, Mailboxes mailboxes,
            MessageIds messageIds, Handsets handsets, EmulatorStats stats, Clock clock) {
        this.serviceNumber = serviceNumber;
        this.serviceSystemId = serviceSystemId;
        this.smsText = smsText;
        this.mailboxes = mailboxes;
        this.messageIds = messageIds;
        this.handsets = handsets;
        this.stats = stats;
        this.clock = clock;
    }

    /** {@link #originate(String, String, String, boolean)} with the parts in order. */
    public String originate(String from, String to, String text) {
        return originate(from, to, text, false);
    }

    /**
     * Queues a message from phone {@code from} to {@code to} (the service number when null or blank).
     *
     * @param shuffle send the parts of a concatenated message in a random order other than the natural
     *     one (as a network may)
     * @return the id of the mobile-originated message
     * @throws MoRejectedException when a field is missing or malformed, or the text does not fit
     */
    public String originate(String from, String to, String text, boolean shuffle) {
        String destination = to == null || to.isBlank() ? serviceNumber : to.strip();
        check(from, destination, text);
        String id = messageIds.next();
        List<OutboundMessage> parts = parts(id, from, destination, text);
        if (shuffle && parts.size() > 1) {
            List<OutboundMessage> shuffled = new ArrayList<>(parts);
            Collections.shuffle(shuffled, random);
            if (shuffled.equals(parts)) {
                Collections.reverse(shuffled); // a test asking for disorder gets disorder
            }
            parts = shuffled;
        }
        handsets.send(from, new SentMessage(id, destination, text, clock.instant(), SentMessage.QUEUED));
        Mailbox mailbox = mailboxes.of(serviceSystemId);
        for (int i = 0; i < parts.size(); i++) {
            OutboundMessage part = parts.get(i);
            stats.moOriginated();
            mailbox.add(new OutboundMessage(part.id(), part.kind(), part.source(), part.destination(),
                    part.esmClass(), part.dataCoding(), part.shortMessage(), part.optionalParameters(), part.text(),
                    part.handset(), null, i == parts.size() - 1));
        }
        return id;
    }

    private List<OutboundMessage> parts(String id, String from, String destination, String text) {
        if (smsText.defaultAlphabet() == DefaultAlphabet.CHARSET) {
            return List.of(single(id, from, destination, text));
        }
        List<SmsPart> parts;
        try {
            parts = splitter.split(text);
        } catch (TextTooLongException tooLong) {
            throw new MoRejectedException(MoRejection.TEXT_TOO_LONG, tooLong.getMessage());
        }
        return parts.stream().map(part -> new OutboundMessage(id, OutboundMessage.Kind.MO, SmppAddress.ofNumber(from),
                SmppAddress.ofNumber(destination), part.hasUdh() ? ESM_CLASS_UDHI : ESM_CLASS_DEFAULT,
                part.dataCoding(), part.shortMessage(), List.of(), part.text(), from)).toList();
    }

    /** With a charset as the SMSC default alphabet there is no septet splitting: one SMS at most. */
    private OutboundMessage single(String id, String from, String destination, String text) {
        SmsText.Encoded encoded = smsText.encode(text);
        if (encoded.octets().length > SmsText.MAX_SINGLE_SMS_OCTETS) {
            throw new MoRejectedException(MoRejection.TEXT_TOO_LONG, "text needs " + encoded.octets().length
                    + " octets, one SMS holds " + SmsText.MAX_SINGLE_SMS_OCTETS
                    + " (long messages are concatenated only with default-alphabet GSM)");
        }
        return new OutboundMessage(id, OutboundMessage.Kind.MO, SmppAddress.ofNumber(from),
                SmppAddress.ofNumber(destination), ESM_CLASS_DEFAULT, encoded.dataCoding(), encoded.octets(),
                List.of(), text, from);
    }

    private static void check(String from, String to, String text) {
        if (from == null || from.isBlank()) {
            throw new MoRejectedException(MoRejection.FROM_MISSING, "from is required: the phone's E.164 number");
        }
        if (!E164.matcher(from).matches()) {
            throw new MoRejectedException(MoRejection.FROM_NOT_E164,
                    "from must be E.164: '+' then 6 to 15 digits, got '" + from + "'");
        }
        if (!SMPP_NUMBER.matcher(to).matches()) {
            throw new MoRejectedException(MoRejection.TO_INVALID,
                    "to must be 1 to 20 digits, optionally after '+', got '" + to + "'");
        }
        if (text == null || text.isEmpty()) {
            throw new MoRejectedException(MoRejection.TEXT_MISSING, "text is required");
        }
    }
}
