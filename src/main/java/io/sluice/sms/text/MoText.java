package io.sluice.sms.text;

/**
 * A mobile-originated text ready for the user: a whole message, or what arrived of an incomplete one
 * with a marker where each missing part belongs (see {@link MoReassembler}).
 *
 * @param originator the key the parts were collected under (the sender's address)
 * @param text the text, with missing-part markers if incomplete
 * @param partsExpected parts the message announced (1 for a single SMS)
 * @param partsReceived parts that arrived
 * @param group the concatenated message this text was joined from, so that a caller who stored the
 *     parts can find them again; null for a single SMS
 */
public record MoText(String originator, String text, int partsExpected, int partsReceived, MoGroup group) {

    /** A single SMS. */
    public MoText(String originator, String text, int partsExpected, int partsReceived) {
        this(originator, text, partsExpected, partsReceived, null);
    }

    public boolean complete() {
        return partsReceived == partsExpected;
    }
}
