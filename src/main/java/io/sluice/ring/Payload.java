package io.sluice.ring;

/**
 * What a slot carries: the message itself.
 *
 * @param messageId Sluice's id of the message
 * @param sender    who sent it (IM user or E.164 number)
 * @param recipient who it is for (E.164 number or IM user)
 * @param reference the sender's own reference for it ({@code client_ref}), or null
 * @param text      the text
 */
public record Payload(String messageId, String sender, String recipient, String reference, String text) {
}
