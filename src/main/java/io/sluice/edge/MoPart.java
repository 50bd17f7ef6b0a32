package io.sluice.edge;

import io.sluice.sms.text.MoGroup;
import io.sluice.sms.text.SmsEncoding;

/**
 * One received part of a concatenated MO message, as the edge keeps it until its message is whole.
 *
 * @param group the message it belongs to (originator, reference, total)
 * @param recipient the number the phone texted (the service number)
 * @param encoding the part's encoding, from its {@code data_coding}
 * @param shortMessage the {@code short_message} octets, UDH included
 */
public record MoPart(MoGroup group, String recipient, SmsEncoding encoding, byte[] shortMessage) {

    public MoPart {
        shortMessage = shortMessage.clone();
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    public String originator() {
        return group.originator();
    }
}
