package io.sluice.sms.cimd2;

/**
 * What the decoder does with the optional checksum (CIMD Interface Specification §3.3). Which one applies
 * is agreed per SMSC connection: some SMSCs always send one, some never do.
 */
public enum Cimd2ChecksumPolicy {
    /** A packet without a checksum, or with a wrong one, is a decode error. */
    REQUIRE,
    /** A wrong checksum is a decode error; a packet without one is accepted. */
    VERIFY_IF_PRESENT,
    /** The checksum is not looked at (it must still be two hexadecimal digits when present). */
    IGNORE
}
