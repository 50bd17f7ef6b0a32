package io.sluice.emulator.handset;

/** A handset in the list of {@code GET /api/handsets}: its number and how many messages it received and sent. */
public record HandsetSummary(String number, long received, long sent) {
}
