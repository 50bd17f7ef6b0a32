package io.sluice.web;

/**
 * Body of every 4xx answer of Sluice's REST APIs (WAN simulator, admin); the command-line roles print
 * it as {@code rejected (<error>): <message>}.
 *
 * @param error a stable code for programs, e.g. {@code oneWayLatencyMs_invalid}, {@code login_taken}
 * @param message the same for people
 */
public record ApiError(String error, String message) {
}
