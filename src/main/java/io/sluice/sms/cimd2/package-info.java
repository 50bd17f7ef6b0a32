/**
 * Nokia CIMD2 (Computer Interface to Message Distribution, version 2) as bytes and records: the
 * packet framing of the CIMD Interface Specification chapter 3 ({@code STX OO:SSS TAB PPP:value TAB ...
 * [CC] ETX}), the operation, parameter, error and status codes of chapters 4 and 6, the user data text
 * conversion of chapter 8.1 (GSM 03.38 characters written with {@code _XY} special combinations), and
 * the data coding scheme of GSM 03.38 section 4.
 *
 * <p>Pure Java and no I/O: a session (the edge's client, the emulator's server) feeds received bytes to a
 * {@link io.sluice.sms.cimd2.Cimd2Decoder} and writes what {@link io.sluice.sms.cimd2.Cimd2Encoder}
 * returns. The code tables follow the public descriptions in Kannel's CIMD2 driver and Wireshark's CIMD
 * dissector, which name the specification's sections.
 */
package io.sluice.sms.cimd2;
