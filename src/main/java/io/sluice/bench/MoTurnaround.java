package io.sluice.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Measurement 3: how long the edge takes to answer an MO {@code deliver_sm} — the time it needs to store
 * the message durably before it may say {@code deliver_sm_resp}. Timed where the SMSC sees it: in the
 * emulator's traffic record, from the {@code deliver_sm} it sent to the response it received (the same
 * session and sequence number). Includes two loopback hops; the WAN is not on this path.
 */
final class MoTurnaround {

    private static final String SENT = "out";
    private static final String RECEIVED = "in";

    private final EmulatorClient emulator;
    private final List<Long> nanos = new ArrayList<>();

    MoTurnaround(EmulatorClient emulator) {
        this.emulator = emulator;
    }

    /** Reads the turnarounds of run {@code tag}'s deliver_sm from the emulator's recent traffic. */
    void collect(String tag, int messages) {
        int limit = Math.min(BenchSites.RECORDED_TRAFFIC, 4 * messages + 2_000);
        Map<String, Instant> delivered = new HashMap<>();
        for (JsonNode pdu : emulator.traffic(limit)) {
            String key = pdu.path("session").asText() + "#" + pdu.path("sequence").asInt();
            String command = pdu.path("command").asText();
            String direction = pdu.path("direction").asText();
            // the phone's text is "@bob <tag> <i>"; receipts and other runs' messages do not contain the tag
            if ("deliver_sm".equals(command) && SENT.equals(direction) && pdu.path("text").asText().contains(tag + " ")) {
                delivered.put(key, instant(pdu.path("time")));
            } else if ("deliver_sm_resp".equals(command) && RECEIVED.equals(direction) && delivered.containsKey(key)) {
                Instant sent = delivered.remove(key);
                Instant answered = instant(pdu.path("time"));
                nanos.add(Duration.between(sent, answered).toNanos());
            }
        }
    }

    /** Jackson writes an Instant as ISO-8601 text, or as decimal seconds when timestamps are numeric. */
    private static Instant instant(JsonNode time) {
        if (time.isNumber()) {
            BigDecimal seconds = time.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(time.asText());
    }

    long[] samples() {
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }
}
