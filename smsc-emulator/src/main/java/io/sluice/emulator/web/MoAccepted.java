package io.sluice.emulator.web;

/** Answer of {@code POST /api/mo}: the id of the queued mobile-originated message. */
public record MoAccepted(String id) {
}
