package io.sluice.emulator.web;

/**
 * Body of {@code POST /api/mo}: a phone ({@code from}, E.164) texts {@code to} (the service number
 * when absent).
 */
public record MoRequest(String from, String to, String text) {
}
