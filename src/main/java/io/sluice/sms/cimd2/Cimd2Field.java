package io.sluice.sms.cimd2;

import java.util.Optional;

/**
 * One {@code PPP:value} of a packet (CIMD Interface Specification §3.1). The value is kept as written on
 * the wire, one character per octet (ISO-8859-1), so that nothing is lost for parameters this codec does
 * not interpret.
 *
 * @param code the three-digit parameter code, 0-999
 * @param value the characters between {@code :} and the next TAB
 */
public record Cimd2Field(int code, String value) {

    static final int MAX_CODE = 999;

    public Cimd2Field {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException("parameter code must be 000-999, got " + code);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // STX, ETX and TAB delimit packets and parameters (§3.1); a value holding one would break framing.
            if (c == Cimd2Framing.STX || c == Cimd2Framing.ETX || c == Cimd2Framing.TAB || c > Cimd2Framing.MAX_OCTET) {
                throw new IllegalArgumentException(String.format(
                        "parameter %03d: character U+%04X cannot be written in a CIMD2 value", code, (int) c));
            }
        }
    }

    public Cimd2Field(Cimd2Parameter parameter, String value) {
        this(parameter.code(), value);
    }

    /** The parameter this code stands for; empty for a code this codec does not know. */
    public Optional<Cimd2Parameter> parameter() {
        return Cimd2Parameter.of(code);
    }
}
