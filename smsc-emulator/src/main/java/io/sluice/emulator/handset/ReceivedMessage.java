package io.sluice.emulator.handset;

import java.time.Instant;

/**
 * A mobile-terminated message as the handset received it: one submit_sm, or a concatenated message
 * joined from its parts.
 *
 * @param messageId the message_id the emulator answered the submit with (the last part's, when joined)
 * @param from source_addr of the submit
 * @param to the handset's number
 * @param text decoded text; null when the data_coding is not one the emulator decodes
 * @param dataCoding data_coding of the submit (SMPP 3.4 §5.2.19)
 * @param rawHex short_message (or message_payload) octets as sent, UDH included; for a joined message
 *     the parts' octets one after another
 * @param parts how many submits this message was joined from (1 for a single SMS or a part)
 */
public record ReceivedMessage(String messageId, String from, String to, String text, int dataCoding, String rawHex,
        Instant time, int parts) {

    /** One submit_sm. */
    public ReceivedMessage(String messageId, String from, String to, String text, int dataCoding, String rawHex,
            Instant time) {
        this(messageId, from, to, text, dataCoding, rawHex, time, 1);
    }
}
