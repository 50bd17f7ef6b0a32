package io.sluice.sms.cimd2;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One CIMD2 packet (CIMD Interface Specification §3.1): operation, packet number and the parameters in
 * the order they were written. Typed accessors read parameters by their chapter 5 type; a missing or
 * malformed value surfaces as {@link Cimd2ParameterException} with the error code to answer with.
 *
 * @param packetNumber 0-255: odd when the client sent the request, even when the SMSC did (§3.2); a
 *     response carries its request's number
 */
public record Cimd2Packet(Cimd2Operation operation, int packetNumber, List<Cimd2Field> fields) implements Cimd2Decoded {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public Cimd2Packet {
        if (packetNumber < 0 || packetNumber > Cimd2Framing.MAX_PACKET_NUMBER) {
            throw new IllegalArgumentException("packet number must be 000-255, got " + packetNumber);
        }
        fields = List.copyOf(fields);
    }

    public static Builder builder(Cimd2Operation operation) {
        return new Builder(operation);
    }

    /** §4.13 NACK for a packet that arrived damaged or with an unexpected number. */
    public static Cimd2Packet nack(int packetNumber) {
        return new Cimd2Packet(Cimd2Operation.NACK, packetNumber, List.of());
    }

    /** §4.12 general error response: the packet was understood as a packet but not as an operation. */
    public static Cimd2Packet generalError(int packetNumber, Cimd2ErrorCode error) {
        return builder(Cimd2Operation.GENERAL_ERROR_RESPONSE).packetNumber(packetNumber)
                .add(Cimd2Parameter.ERROR_CODE, error.code()).add(Cimd2Parameter.ERROR_TEXT, error.text()).build();
    }

    /** The response to this request, same packet number, with no parameters yet. */
    public Builder response() {
        Cimd2Operation response = operation.response()
                .orElseThrow(() -> new IllegalStateException(operation + " is not a request"));
        return builder(response).packetNumber(packetNumber);
    }

    /** A negative response to this request (§4: the response with parameters 900 and 901). */
    public Cimd2Packet negativeResponse(Cimd2ErrorCode error) {
        return response().add(Cimd2Parameter.ERROR_CODE, error.code()).add(Cimd2Parameter.ERROR_TEXT, error.text())
                .build();
    }

    public Cimd2Packet withPacketNumber(int number) {
        return new Cimd2Packet(operation, number, fields);
    }

    /** The first value of {@code parameter}, as written. */
    public Optional<String> value(Cimd2Parameter parameter) {
        return fields.stream().filter(field -> field.code() == parameter.code()).map(Cimd2Field::value).findFirst();
    }

    /** Every value of {@code parameter}, e.g. several destination addresses of one submit (§4.3). */
    public List<String> values(Cimd2Parameter parameter) {
        return fields.stream().filter(field -> field.code() == parameter.code()).map(Cimd2Field::value).toList();
    }

    /** The value of a mandatory parameter. */
    public String required(Cimd2Parameter parameter) {
        return value(parameter).orElseThrow(() -> new Cimd2ParameterException(Cimd2ErrorCode.SYNTAX_ERROR,
                String.format("%s: mandatory parameter %03d (%s) missing", operation, parameter.code(), parameter)));
    }

    /** An Integer parameter (§5: decimal digits, a leading minus allowed). */
    public OptionalInt integer(Cimd2Parameter parameter) {
        Optional<String> value = value(parameter);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        String digits = value.get();
        if (!digits.matches("-?[0-9]{1,9}")) {
            throw malformed(parameter, "not an integer");
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    /** A Hexadecimal parameter as octets. */
    public Optional<byte[]> hex(Cimd2Parameter parameter) {
        Optional<String> value = value(parameter);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(value.get()));
        } catch (IllegalArgumentException e) {
            throw malformed(parameter, "not an even number of hexadecimal digits");
        }
    }

    /** A User Data parameter with its §8.1 special combinations resolved. */
    public Optional<String> text(Cimd2Parameter parameter) {
        return value(parameter).map(Cimd2Text::decode);
    }

    /** The error code (900) of a negative or general error response. */
    public Optional<Cimd2ErrorCode> error() {
        OptionalInt code = integer(Cimd2Parameter.ERROR_CODE);
        return code.isPresent() ? Cimd2ErrorCode.of(code.getAsInt()) : Optional.empty();
    }

    /** Whether this is a response that refuses its request: NACK, general error, or an error code other than 0. */
    public boolean isNegative() {
        if (operation == Cimd2Operation.NACK || operation == Cimd2Operation.GENERAL_ERROR_RESPONSE) {
            return true;
        }
        OptionalInt code = integer(Cimd2Parameter.ERROR_CODE);
        return operation.isResponse() && code.isPresent() && code.getAsInt() != Cimd2ErrorCode.NO_ERROR.code();
    }

    private Cimd2ParameterException malformed(Cimd2Parameter parameter, String why) {
        return new Cimd2ParameterException(Cimd2ErrorCode.PARAMETER_FORMATTING_ERROR,
                String.format("%s: parameter %03d (%s) %s", operation, parameter.code(), parameter, why));
    }

    /** Collects parameters in order; the packet number defaults to 0 until the session assigns one. */
    public static final class Builder {

        private final Cimd2Operation operation;
        private final List<Cimd2Field> fields = new ArrayList<>();
        private int packetNumber;

        private Builder(Cimd2Operation operation) {
            this.operation = operation;
        }

        public Builder packetNumber(int number) {
            this.packetNumber = number;
            return this;
        }

        /** A value as written; longer than the specification allows for {@code parameter} is refused. */
        public Builder add(Cimd2Parameter parameter, String value) {
            if (value.length() > parameter.maxLength()) {
                throw new IllegalArgumentException(String.format("parameter %03d (%s) holds at most %d characters, got %d",
                        parameter.code(), parameter, parameter.maxLength(), value.length()));
            }
            fields.add(new Cimd2Field(parameter, value));
            return this;
        }

        public Builder add(Cimd2Parameter parameter, int value) {
            return add(parameter, Integer.toString(value));
        }

        /** Octets as upper-case hexadecimal (User Data Header, User Data Binary). */
        public Builder addHex(Cimd2Parameter parameter, byte[] octets) {
            return add(parameter, HEX.formatHex(octets));
        }

        /**
         * Text in the §8.1 character conversion.
         *
         * @throws IllegalArgumentException when a character is not in GSM 03.38 (send UCS-2 as binary instead)
         */
        public Builder addText(Cimd2Parameter parameter, String text) {
            return add(parameter, Cimd2Text.encode(text));
        }

        /** Any field, including codes this codec does not know. */
        public Builder add(Cimd2Field field) {
            fields.add(field);
            return this;
        }

        public Cimd2Packet build() {
            return new Cimd2Packet(operation, packetNumber, fields);
        }
    }
}
