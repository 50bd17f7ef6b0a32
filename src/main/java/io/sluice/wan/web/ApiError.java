package io.sluice.wan.web;

/**
 * Body of every 4xx answer of the WAN simulator API.
 *
 * @param error a stable code for programs, e.g. {@code oneWayLatencyMs_invalid}
 * @param message the same for people
 */
public record ApiError(String error, String message) {
}
