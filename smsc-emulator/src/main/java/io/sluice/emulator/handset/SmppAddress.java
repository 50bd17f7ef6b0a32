package io.sluice.emulator.handset;

/**
 * An SMPP address: type of number, numbering plan and digits (SMPP 3.4 §5.2.5, §5.2.6, §5.2.8-9).
 * International numbers travel without their {@code +}, marked by TON international instead.
 */
public record SmppAddress(byte ton, byte npi, String address) {

    /** SMPP 3.4 §5.2.5: type of number unknown. */
    public static final byte TON_UNKNOWN = 0x00;
    /** SMPP 3.4 §5.2.5: international number. */
    public static final byte TON_INTERNATIONAL = 0x01;
    /** SMPP 3.4 §5.2.6: ISDN (E.163/E.164) numbering plan. */
    public static final byte NPI_ISDN = 0x01;

    private static final String PLUS = "+";

    /** The SMPP form of a number as people write it: {@code +447700900123} or a short code. */
    public static SmppAddress ofNumber(String number) {
        if (number.startsWith(PLUS)) {
            return new SmppAddress(TON_INTERNATIONAL, NPI_ISDN, number.substring(PLUS.length()));
        }
        return new SmppAddress(TON_UNKNOWN, NPI_ISDN, number);
    }

    /** The number as people write it, which is also the handset's key: {@code +} back on international numbers. */
    public String number() {
        return ton == TON_INTERNATIONAL && !address.startsWith(PLUS) ? PLUS + address : address;
    }
}
