package io.sluice.emulator.web;

/**
 * Body of every 4xx answer of the emulator API.
 *
 * @param error a stable code for programs, e.g. {@code from_not_e164}
 * @param message the same for people
 */
public record ApiError(String error, String message) {
}
