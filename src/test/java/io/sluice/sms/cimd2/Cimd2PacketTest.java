package io.sluice.sms.cimd2;

import static io.sluice.sms.cimd2.Cimd2Bytes.readable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Building packets and reading typed parameters (CIMD Interface Specification chapters 4 and 5). */
class Cimd2PacketTest {

    private final Cimd2Encoder encoder = new Cimd2Encoder(false);

    @Test
    void responseKeepsThePacketNumberAndAddsFifty() {
        Cimd2Packet submit = Cimd2Packet.builder(Cimd2Operation.SUBMIT).packetNumber(7).build();

        assertThat(readable(encoder.encode(submit.response().build()))).isEqualTo("<STX>53:007<TAB><ETX>");
    }

    @Test
    void negativeResponseCarriesErrorCodeAndText() {
        Cimd2Packet login = Cimd2Packet.builder(Cimd2Operation.LOGIN).packetNumber(1).build();

        Cimd2Packet refused = login.negativeResponse(Cimd2ErrorCode.INVALID_LOGIN);

        assertThat(readable(encoder.encode(refused))).isEqualTo("<STX>51:001<TAB>900:100<TAB>901:Invalid login<TAB><ETX>");
        assertThat(refused.isNegative()).isTrue();
        assertThat(refused.error()).hasValue(Cimd2ErrorCode.INVALID_LOGIN);
    }

    @Test
    void nackAndGeneralErrorAreNegative() {
        assertThat(readable(encoder.encode(Cimd2Packet.nack(5)))).isEqualTo("<STX>99:005<TAB><ETX>");
        Cimd2Packet general = Cimd2Packet.generalError(77, Cimd2ErrorCode.UNEXPECTED_OPERATION);
        assertThat(readable(encoder.encode(general)))
                .isEqualTo("<STX>98:077<TAB>900:1<TAB>901:Unexpected operation<TAB><ETX>");
        assertThat(general.isNegative()).isTrue();
    }

    @Test
    void positiveResponseIsNotNegative() {
        Cimd2Packet response = Cimd2Packet.builder(Cimd2Operation.SUBMIT_RESPONSE)
                .add(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP, "251124153000").build();

        assertThat(response.isNegative()).isFalse();
        assertThat(response.error()).isEmpty();
    }

    @Test
    void typedAccessorsReadTheirTypes() {
        Cimd2Packet packet = Cimd2Packet.builder(Cimd2Operation.SUBMIT)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "111").add(Cimd2Parameter.DESTINATION_ADDRESS, "222")
                .add(Cimd2Parameter.VALIDITY_PERIOD_RELATIVE, -1)
                .addHex(Cimd2Parameter.USER_DATA_HEADER, new byte[] {0x05, 0x00, 0x03, (byte) 0xA1, 0x02, 0x01})
                .addText(Cimd2Parameter.USER_DATA, "\u00C5 la carte").build();

        assertThat(packet.values(Cimd2Parameter.DESTINATION_ADDRESS)).containsExactly("111", "222");
        assertThat(packet.required(Cimd2Parameter.DESTINATION_ADDRESS)).isEqualTo("111");
        assertThat(packet.integer(Cimd2Parameter.VALIDITY_PERIOD_RELATIVE)).hasValue(-1);
        assertThat(packet.value(Cimd2Parameter.USER_DATA_HEADER)).hasValue("050003A10201");
        assertThat(packet.hex(Cimd2Parameter.USER_DATA_HEADER)).hasValueSatisfying(
                octets -> assertThat(octets).containsExactly(0x05, 0x00, 0x03, 0xA1, 0x02, 0x01));
        assertThat(packet.text(Cimd2Parameter.USER_DATA)).hasValue("\u00C5 la carte");
        assertThat(packet.integer(Cimd2Parameter.DATA_CODING_SCHEME)).isEmpty();
    }

    @Test
    void missingMandatoryParameterIsASyntaxError() {
        Cimd2Packet packet = Cimd2Packet.builder(Cimd2Operation.LOGIN).build();

        assertThatThrownBy(() -> packet.required(Cimd2Parameter.USER_IDENTITY))
                .isInstanceOfSatisfying(Cimd2ParameterException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(Cimd2ErrorCode.SYNTAX_ERROR));
    }

    @Test
    void malformedIntegerOrHexIsAParameterFormattingError() {
        Cimd2Packet packet = new Cimd2Packet(Cimd2Operation.SUBMIT, 1,
                List.of(new Cimd2Field(30, "x1"), new Cimd2Field(34, "ABC")));

        for (Runnable read : List.<Runnable>of(() -> packet.integer(Cimd2Parameter.DATA_CODING_SCHEME),
                () -> packet.hex(Cimd2Parameter.USER_DATA_BINARY))) {
            assertThatThrownBy(read::run).isInstanceOfSatisfying(Cimd2ParameterException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(Cimd2ErrorCode.PARAMETER_FORMATTING_ERROR));
        }
    }

    @Test
    void valuesThatWouldBreakFramingAreRefused() {
        for (String bad : List.of("a\tb", "\u0002", "\u0003", "\u20AC")) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Cimd2Field(33, bad));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new Cimd2Field(1000, ""));
        assertThatIllegalArgumentException().isThrownBy(() -> Cimd2Packet.nack(256));
    }

    @Test
    void builderRefusesValuesLongerThanTheSpecificationAllows() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cimd2Packet.builder(Cimd2Operation.SUBMIT)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "1".repeat(21)));
    }
}
