package io.sluice.emulator.web;

/**
 * Body of {@code POST /api/mo}: a phone ({@code from}, E.164) texts {@code to} (the service number
 * when absent). A text longer than one SMS goes as concatenated parts; {@code shuffle: true} sends
 * them in a random order.
 */
public record MoRequest(String from, String to, String text, Boolean shuffle) {

    public MoRequest(String from, String to, String text) {
        this(from, to, text, null);
    }

    public boolean shuffled() {
        return Boolean.TRUE.equals(shuffle);
    }
}
