package io.sluice.sms.smpp;

/**
 * Address fields of SMPP 3.4 PDUs (section 5.2.5 addr_ton, 5.2.6 addr_npi) from and to the
 * E.164 form Sluice uses inside ('+' and digits).
 */
public final class SmppAddresses {

    /** addr_ton values (SMPP 3.4 section 5.2.5). */
    public static final byte TON_UNKNOWN = 0x00;
    public static final byte TON_INTERNATIONAL = 0x01;
    public static final byte TON_ALPHANUMERIC = 0x05;
    /** addr_npi values (SMPP 3.4 section 5.2.6). */
    public static final byte NPI_UNKNOWN = 0x00;
    public static final byte NPI_ISDN_E164 = 0x01;

    private SmppAddresses() {
    }

    /** An address as it goes into a PDU: digits without '+', with its TON and NPI. */
    public record Address(String value, byte ton, byte npi) {
    }

    public static Address toSmpp(String address) {
        if (address.startsWith("+")) {
            return new Address(address.substring(1), TON_INTERNATIONAL, NPI_ISDN_E164);
        }
        if (address.chars().allMatch(Character::isDigit)) {
            return new Address(address, TON_UNKNOWN, NPI_ISDN_E164); // a short code such as a service number
        }
        return new Address(address, TON_ALPHANUMERIC, NPI_UNKNOWN);
    }

    /** A source address from a PDU in Sluice's form: international numbers get their '+'. */
    public static String fromSmpp(String value, byte ton) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (ton == TON_INTERNATIONAL && !trimmed.startsWith("+")) {
            return "+" + trimmed;
        }
        return trimmed;
    }
}
