package io.sluice.emulator.outbound;

import io.sluice.emulator.handset.Handsets;
import io.sluice.emulator.handset.SentMessage;
import io.sluice.emulator.handset.SmppAddress;
import io.sluice.emulator.text.SmsText;
import io.sluice.emulator.traffic.EmulatorStats;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A phone texting the service: checks the request, encodes the text and queues the deliver_sm for
 * the service's ESME account, where it waits until a receiver is bound (store-and-forward).
 */
public final class MobileOriginator {

    /** ITU-T E.164: at most 15 digits; fewer than 6 is more likely a typo than a real number. */
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{6,15}");
    /** SMPP 3.4 §5.2.9: destination_addr holds at most 20 characters (21 octets with the NUL). */
    private static final Pattern SMPP_NUMBER = Pattern.compile("\\+?[0-9]{1,20}");
    /** SMPP 3.4 §5.2.12: esm_class 0, default message mode and type. */
    private static final byte ESM_CLASS_DEFAULT = 0x00;

    private final String serviceNumber;
    private final String serviceSystemId;
    private final SmsText smsText;
    private final Mailboxes mailboxes;
    private final MessageIds messageIds;
    private final Handsets handsets;
    private final EmulatorStats stats;
    private final Clock clock;

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

    /**
     * Queues a message from phone {@code from} to {@code to} (the service number when null or blank).
     *
     * @return the id of the mobile-originated message
     * @throws MoRejectedException when a field is missing or malformed, or the text does not fit one SMS
     */
    public String originate(String from, String to, String text) {
        String destination = to == null || to.isBlank() ? serviceNumber : to.strip();
        check(from, destination, text);
        SmsText.Encoded encoded = smsText.encode(text);
        if (encoded.octets().length > SmsText.MAX_SINGLE_SMS_OCTETS) {
            throw new MoRejectedException(MoRejection.TEXT_TOO_LONG, "text needs " + encoded.octets().length
                    + " octets, one SMS holds " + SmsText.MAX_SINGLE_SMS_OCTETS
                    + " (long messages are not concatenated yet)");
        }
        String id = messageIds.next();
        OutboundMessage message = new OutboundMessage(id, OutboundMessage.Kind.MO, SmppAddress.ofNumber(from),
                SmppAddress.ofNumber(destination), ESM_CLASS_DEFAULT, encoded.dataCoding(), encoded.octets(),
                List.of(), text, from);
        handsets.send(from, new SentMessage(id, destination, text, clock.instant(), SentMessage.QUEUED));
        stats.moOriginated();
        mailboxes.of(serviceSystemId).add(message);
        return id;
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
