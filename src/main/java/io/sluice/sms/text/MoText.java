package io.sluice.sms.text;

/**
 * A mobile-originated text ready for the user: a whole message, or what arrived of an incomplete one
 * with a marker where each missing part belongs (see {@link MoReassembler}).
 *
 * @param originator the key the parts were collected under (the sender's address)
 * @param text the text, with missing-part markers if incomplete
 * @param partsExpected parts the message announced (1 for a single SMS)
 * @param partsReceived parts that arrived
 */
public record MoText(String originator, String text, int partsExpected, int partsReceived) {

    public boolean complete() {
        return partsReceived == partsExpected;
    }
}
