package io.sluice.emulator.handset;

import java.time.Instant;

/**
 * A mobile-terminated message as the handset received it.
 *
 * @param messageId the message_id the emulator answered the submit with
 * @param from source_addr of the submit
 * @param to the handset's number
 * @param text decoded text; null when the data_coding is not one the emulator decodes
 * @param dataCoding data_coding of the submit (SMPP 3.4 §5.2.19)
 * @param rawHex short_message (or message_payload) octets as sent, UDH included
 */
public record ReceivedMessage(String messageId, String from, String to, String text, int dataCoding, String rawHex,
        Instant time) {
}
