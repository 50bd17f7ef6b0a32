package io.sluice.sms.cimd2.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.text.SmsSplitter;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

/** Camel messages to and from CIMD2 packets (submit §4.3, deliver message §4.9, deliver status report §4.10). */
class Cimd2MessagesTest {

    private static final SmsSplitter SPLITTER = new SmsSplitter(SmsSplitter.MAX_PARTS_LIMIT, () -> 99);
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void gsmTextGoesInUserDataWithItsSpecialCombinations() {
        List<Cimd2Packet> submits = Cimd2Messages.submits(mt("€5 for Ä", 14), SPLITTER, 1);

        assertThat(submits).hasSize(1);
        Cimd2Packet submit = submits.get(0);
        assertThat(submit.operation()).isEqualTo(Cimd2Operation.SUBMIT);
        assertThat(submit.value(Cimd2Parameter.DESTINATION_ADDRESS)).hasValue("+447700900123");
        assertThat(submit.value(Cimd2Parameter.ORIGINATING_ADDRESS)).hasValue("7777");
        assertThat(submit.value(Cimd2Parameter.USER_DATA)).hasValue("_XXe5 for _A\"");
        assertThat(submit.value(Cimd2Parameter.DATA_CODING_SCHEME)).isEmpty();
        assertThat(submit.value(Cimd2Parameter.USER_DATA_HEADER)).isEmpty();
        assertThat(submit.integer(Cimd2Parameter.STATUS_REPORT_REQUEST)).hasValue(14);
    }

    @Test
    void textOutsideGsmGoesAsUcs2InUserDataBinaryWithDataCoding8() {
        Cimd2Packet submit = Cimd2Messages.submits(mt("Привет", 0), SPLITTER, 1).get(0);

        assertThat(submit.integer(Cimd2Parameter.DATA_CODING_SCHEME)).hasValue(8);
        assertThat(submit.value(Cimd2Parameter.USER_DATA_BINARY)).hasValue("041F04400438043204350442");
        assertThat(submit.value(Cimd2Parameter.USER_DATA)).isEmpty();
        assertThat(submit.value(Cimd2Parameter.STATUS_REPORT_REQUEST)).as("no report asked").isEmpty();
    }

    @Test
    void aLongTextIsConcatenatedAndOnlyTheLastPartAsksForAReport() {
        Message mt = mt("x".repeat(161), 14);
        mt.setHeader(Cimd2Headers.CONCATENATION_REFERENCE, 0x1A);

        List<Cimd2Packet> submits = Cimd2Messages.submits(mt, SPLITTER, 1);

        assertThat(submits).hasSize(2);
        assertThat(submits.get(0).value(Cimd2Parameter.USER_DATA_HEADER)).hasValue("0500031A0201");
        assertThat(submits.get(1).value(Cimd2Parameter.USER_DATA_HEADER)).hasValue("0500031A0202");
        assertThat(submits.get(0).value(Cimd2Parameter.USER_DATA)).hasValue("x".repeat(153));
        assertThat(submits.get(0).value(Cimd2Parameter.STATUS_REPORT_REQUEST)).isEmpty();
        assertThat(submits.get(1).integer(Cimd2Parameter.STATUS_REPORT_REQUEST)).hasValue(14);
    }

    @Test
    void partsGivenInTheHeaderAreSentAsTheyAreNotCutAgain() {
        Message mt = mt("ignored: the parts carry the text", 14);
        mt.setHeader(Cimd2Headers.PARTS, new SmsSplitter(4, () -> 0).split("Привет, ".repeat(10), 0x2B));

        List<Cimd2Packet> submits = Cimd2Messages.submits(mt, SPLITTER, 1);

        assertThat(submits).hasSize(2);
        assertThat(submits.get(0).value(Cimd2Parameter.USER_DATA_HEADER)).hasValue("0500032B0201");
        assertThat(submits.get(1).integer(Cimd2Parameter.DATA_CODING_SCHEME)).hasValue(8);
        assertThat(submits.get(1).integer(Cimd2Parameter.STATUS_REPORT_REQUEST)).hasValue(14);
    }

    @Test
    void theSubmitResponsesTimeStampAndDestinationIdentifyTheMessage() {
        Message mt = mt("hi", 14);
        Cimd2Packet submit = Cimd2Messages.submits(mt, SPLITTER, 1).get(0).withPacketNumber(3);

        Cimd2Messages.submitted(mt, submit, submit.response()
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "+447700900123")
                .add(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP, "261127101010").build());

        assertThat(mt.getHeader(Cimd2Headers.MESSAGE_ID)).isEqualTo("+447700900123:261127101010");
    }

    @Test
    void aStatusReportBecomesHeadersNamingTheMessageAndItsStatus() {
        Cimd2Packet report = Cimd2Packet.builder(Cimd2Operation.DELIVER_STATUS_REPORT).packetNumber(4)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "+447700900123")
                .add(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP, "261127101010")
                .add(Cimd2Parameter.STATUS_CODE, 3).add(Cimd2Parameter.STATUS_ERROR_CODE, 1).build();
        Message message = new DefaultMessage(camel);

        Cimd2Messages.delivery(report, message);

        assertThat(message.getHeader(Cimd2Headers.MESSAGE_TYPE)).isEqualTo(Cimd2Headers.DELIVER_STATUS_REPORT);
        assertThat(message.getHeader(Cimd2Headers.MESSAGE_ID)).isEqualTo("+447700900123:261127101010");
        assertThat(message.getHeader(Cimd2Headers.STATUS_CODE)).isEqualTo(3);
        assertThat(message.getHeader(Cimd2Headers.STATUS_ERROR_CODE)).isEqualTo(1);
    }

    @Test
    void aDeliverMessageBecomesItsTextWithTheAddresses() {
        Cimd2Packet mo = Cimd2Packet.builder(Cimd2Operation.DELIVER_MESSAGE).packetNumber(0)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "7777").add(Cimd2Parameter.ORIGINATING_ADDRESS, "+447700900123")
                .addText(Cimd2Parameter.USER_DATA, "@bob Grüße").build();
        Message message = new DefaultMessage(camel);

        Cimd2Messages.delivery(mo, message);

        assertThat(message.getHeader(Cimd2Headers.MESSAGE_TYPE)).isEqualTo(Cimd2Headers.DELIVER_MESSAGE);
        assertThat(message.getHeader(Cimd2Headers.ORIGINATOR)).isEqualTo("+447700900123");
        assertThat(message.getHeader(Cimd2Headers.DESTINATION)).isEqualTo("7777");
        assertThat(message.getBody()).isEqualTo("@bob Grüße");
    }

    @Test
    void aDeliveredPartKeepsItsUdhAndDataCodingForReassembly() {
        Cimd2Packet part = Cimd2Packet.builder(Cimd2Operation.DELIVER_MESSAGE).packetNumber(2)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "7777").add(Cimd2Parameter.ORIGINATING_ADDRESS, "+447700900123")
                .addHex(Cimd2Parameter.USER_DATA_HEADER, new byte[] {0x05, 0x00, 0x03, 0x2B, 0x02, 0x02})
                .add(Cimd2Parameter.DATA_CODING_SCHEME, 8)
                .addHex(Cimd2Parameter.USER_DATA_BINARY, new byte[] {0x04, 0x1F}).build();
        Message message = new DefaultMessage(camel);

        Cimd2Messages.delivery(part, message);

        assertThat(message.getHeader(Cimd2Headers.USER_DATA_HEADER, byte[].class))
                .containsExactly(0x05, 0x00, 0x03, 0x2B, 0x02, 0x02);
        assertThat(message.getHeader(Cimd2Headers.DATA_CODING_SCHEME)).isEqualTo(8);
        assertThat(message.getBody()).isEqualTo("П");
    }

    private Message mt(String text, int reports) {
        Message message = new DefaultMessage(camel);
        message.setBody(text);
        message.setHeader(Cimd2Headers.DESTINATION, "+447700900123");
        message.setHeader(Cimd2Headers.ORIGINATOR, "7777");
        message.setHeader(Cimd2Headers.STATUS_REPORT_REQUEST, reports);
        return message;
    }
}
