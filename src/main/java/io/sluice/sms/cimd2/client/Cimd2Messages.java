package io.sluice.sms.cimd2.client;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import io.sluice.sms.cimd2.Cimd2DataCoding;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.cimd2.Cimd2Text;
import org.apache.camel.Message;

/**
 * Camel messages to and from CIMD2 packets: the submit message (03, §4.3) the producer sends, and the
 * deliver message (20, §4.9) and deliver status report (23, §4.10) the SMSC delivers.
 */
final class Cimd2Messages {

    private Cimd2Messages() {
    }

    /** GSM 03.38 text in User Data (033); anything else as UCS-2 in User Data Binary (034) with 030 = 8. */
    static Cimd2Packet submit(Message message) {
        String text = message.getBody(String.class);
        Cimd2Packet.Builder submit = Cimd2Packet.builder(Cimd2Operation.SUBMIT)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, required(message, Cimd2Headers.DESTINATION));
        String originator = message.getHeader(Cimd2Headers.ORIGINATOR, String.class);
        if (originator != null) {
            submit.add(Cimd2Parameter.ORIGINATING_ADDRESS, originator);
        }
        text = text == null ? "" : text;
        if (Cimd2Text.canEncode(text)) {
            submit.addText(Cimd2Parameter.USER_DATA, text);
        } else {
            submit.add(Cimd2Parameter.DATA_CODING_SCHEME, Cimd2DataCoding.UCS2.value())
                    .addHex(Cimd2Parameter.USER_DATA_BINARY, text.getBytes(StandardCharsets.UTF_16BE));
        }
        Integer reports = message.getHeader(Cimd2Headers.STATUS_REPORT_REQUEST, Integer.class);
        if (reports != null && reports != 0) {
            submit.add(Cimd2Parameter.STATUS_REPORT_REQUEST, reports);
        }
        return submit.build();
    }

    /** The submit response's facts, on the exchange for the routes. */
    static void submitted(Message message, Cimd2Packet submit, Cimd2Packet response) {
        String destination = response.value(Cimd2Parameter.DESTINATION_ADDRESS)
                .orElseGet(() -> submit.required(Cimd2Parameter.DESTINATION_ADDRESS));
        response.value(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP).ifPresent(scts -> {
            message.setHeader(Cimd2Headers.SERVICE_CENTRE_TIMESTAMP, scts);
            message.setHeader(Cimd2Headers.MESSAGE_ID, Cimd2Headers.messageId(destination, scts));
        });
    }

    /** A delivery from the SMSC as a Camel message: addresses and status as headers, text as the body. */
    static void delivery(Cimd2Packet delivery, Message message) {
        message.setHeader(Cimd2Headers.PACKET_NUMBER, delivery.packetNumber());
        delivery.value(Cimd2Parameter.DESTINATION_ADDRESS).ifPresent(d -> message.setHeader(Cimd2Headers.DESTINATION, d));
        delivery.value(Cimd2Parameter.ORIGINATING_ADDRESS).ifPresent(o -> message.setHeader(Cimd2Headers.ORIGINATOR, o));
        delivery.value(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP)
                .ifPresent(scts -> message.setHeader(Cimd2Headers.SERVICE_CENTRE_TIMESTAMP, scts));
        if (delivery.operation() == Cimd2Operation.DELIVER_STATUS_REPORT) {
            message.setHeader(Cimd2Headers.MESSAGE_TYPE, Cimd2Headers.DELIVER_STATUS_REPORT);
            message.setHeader(Cimd2Headers.MESSAGE_ID, Cimd2Headers.messageId(
                    delivery.required(Cimd2Parameter.DESTINATION_ADDRESS),
                    delivery.required(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP)));
            message.setHeader(Cimd2Headers.STATUS_CODE, integer(delivery.integer(Cimd2Parameter.STATUS_CODE)));
            message.setHeader(Cimd2Headers.STATUS_ERROR_CODE, integer(delivery.integer(Cimd2Parameter.STATUS_ERROR_CODE)));
            message.setBody("");
        } else {
            message.setHeader(Cimd2Headers.MESSAGE_TYPE, Cimd2Headers.DELIVER_MESSAGE);
            message.setBody(text(delivery));
        }
    }

    /** GSM text from 033; UCS-2 from 034; 8-bit data is given as its octets. */
    private static Object text(Cimd2Packet delivery) {
        Cimd2DataCoding coding = new Cimd2DataCoding(delivery.integer(Cimd2Parameter.DATA_CODING_SCHEME).orElse(0));
        if (coding.isText()) {
            return delivery.text(Cimd2Parameter.USER_DATA).orElse("");
        }
        byte[] octets = delivery.hex(Cimd2Parameter.USER_DATA_BINARY).orElse(new byte[0]);
        return coding.decodeBinary(octets).<Object>map(decoded -> decoded).orElse(octets);
    }

    private static Integer integer(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static String required(Message message, String header) {
        String value = message.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + header + " is required for a CIMD2 submit");
        }
        return value;
    }
}
