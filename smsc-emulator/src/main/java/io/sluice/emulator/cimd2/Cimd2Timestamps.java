package io.sluice.emulator.cimd2;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * CIMD2 time parameters (CIMD Interface Specification chapter 5, type Time): {@code yyMMddHHmmss} in the
 * SMSC's local time, here the emulator's time zone. The service centre time stamp (060) of a submit
 * response is also how the client later recognises the message's status report, with the destination.
 */
final class Cimd2Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private Cimd2Timestamps() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.atZone(ZoneId.systemDefault()));
    }
}
