package io.sluice.sms.cimd2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operation codes and their responses, packet numbering and data coding schemes. */
class Cimd2CodesTest {

    @Test
    void everyRequestHasItsResponseFiftyHigher() {
        for (Cimd2Operation operation : Cimd2Operation.values()) {
            operation.response().ifPresent(response -> {
                assertThat(response.code()).isEqualTo(operation.code() + Cimd2Operation.RESPONSE_OFFSET);
                assertThat(response.request()).hasValue(operation);
            });
        }
        assertThat(Cimd2Operation.DELIVER_STATUS_REPORT.response()).hasValue(Cimd2Operation.DELIVER_STATUS_REPORT_RESPONSE);
        assertThat(Cimd2Operation.NACK.request()).isEmpty();
        assertThat(Cimd2Operation.GENERAL_ERROR_RESPONSE.response()).isEmpty();
        assertThat(Cimd2Operation.of(7)).isEmpty();
    }

    @Test
    void clientNumbersAreOddAndWrapFrom255To1() {
        Cimd2PacketNumbers numbers = Cimd2PacketNumbers.forClient();
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < 129; i++) {
            taken.add(numbers.next());
        }

        assertThat(taken.subList(0, 3)).containsExactly(1, 3, 5);
        assertThat(taken.subList(126, 129)).containsExactly(253, 255, 1);
        assertThat(numbers.isPeerNumber(254)).isTrue();
        assertThat(numbers.isPeerNumber(255)).isFalse();
    }

    @Test
    void smscNumbersAreEvenAndWrapFrom254To0() {
        Cimd2PacketNumbers numbers = Cimd2PacketNumbers.forSmsc();
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < 129; i++) {
            taken.add(numbers.next());
        }

        assertThat(taken.subList(0, 3)).containsExactly(0, 2, 4);
        assertThat(taken.subList(126, 129)).containsExactly(252, 254, 0);
        assertThat(numbers.isPeerNumber(1)).isTrue();
        numbers.reset();
        assertThat(numbers.next()).isZero();
    }

    @Test
    void dataCodingSchemeGroups() {
        assertThat(new Cimd2DataCoding(0x00).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.GSM_7BIT);
        assertThat(new Cimd2DataCoding(0x04).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.EIGHT_BIT);
        assertThat(new Cimd2DataCoding(0x08).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.UCS2);
        assertThat(new Cimd2DataCoding(0x0C).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.RESERVED);
        assertThat(new Cimd2DataCoding(0x18).messageClass()).hasValue(0);
        assertThat(new Cimd2DataCoding(0x00).messageClass()).isEmpty();
        assertThat(new Cimd2DataCoding(0x20).isCompressed()).isTrue();
        assertThat(new Cimd2DataCoding(0x20).isText()).isFalse();
        assertThat(new Cimd2DataCoding(0x48).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.UCS2);
        assertThat(new Cimd2DataCoding(0x80).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.RESERVED);
        assertThat(new Cimd2DataCoding(0xC0).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.GSM_7BIT);
        assertThat(new Cimd2DataCoding(0xE0).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.UCS2);
        assertThat(new Cimd2DataCoding(0xF1).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.GSM_7BIT);
        assertThat(new Cimd2DataCoding(0xF5).alphabet()).isEqualTo(Cimd2DataCoding.Alphabet.EIGHT_BIT);
        assertThat(new Cimd2DataCoding(0xF5).messageClass()).hasValue(1);
        assertThat(Cimd2DataCoding.UCS2.decodeBinary(new byte[] {0x04, 0x1F})).hasValue("\u041F");
        assertThat(Cimd2DataCoding.EIGHT_BIT.decodeBinary(new byte[] {0x04})).isEmpty();
    }
}
