package io.sluice.sms.cimd2.client;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.sluice.sms.cimd2.Cimd2DataCoding;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.text.SmsEncoding;
import io.sluice.sms.text.SmsPart;
import io.sluice.sms.text.SmsSplitter;
import org.apache.camel.Message;

/**
 * Camel messages to and from CIMD2 packets: the submit message (03, §4.3) the producer sends, and the
 * deliver message (20, §4.9) and deliver status report (23, §4.10) the SMSC delivers.
 */
final class Cimd2Messages {

    private Cimd2Messages() {
    }

    /**
     * The submits for the message's text (its {@link Cimd2Headers#PARTS} when given): one when it fits an
     * SMS, else one per concatenated part with the concatenation UDH (032, whole UDH as hexadecimal, length
     * octet included, as Kannel sends it). GSM 03.38 text goes in User Data (033), anything else as UCS-2
     * in User Data Binary (034) with 030 = 8.
     * Only the last part asks for a status report (056): one report per message, as camel-smpp's singleDLR.
     *
     * @throws io.sluice.sms.text.TextTooLongException beyond the splitter's part limit
     */
    static List<Cimd2Packet> submits(Message message, SmsSplitter splitter, int defaultReference) {
        List<SmsPart> parts = parts(message, splitter, defaultReference);
        String destination = required(message, Cimd2Headers.DESTINATION);
        String originator = message.getHeader(Cimd2Headers.ORIGINATOR, String.class);
        Integer reports = message.getHeader(Cimd2Headers.STATUS_REPORT_REQUEST, Integer.class);
        Integer validity = message.getHeader(Cimd2Headers.VALIDITY_PERIOD_RELATIVE, Integer.class);
        List<Cimd2Packet> submits = new ArrayList<>(parts.size());
        for (SmsPart part : parts) {
            Cimd2Packet.Builder submit = Cimd2Packet.builder(Cimd2Operation.SUBMIT)
                    .add(Cimd2Parameter.DESTINATION_ADDRESS, destination);
            if (originator != null) {
                submit.add(Cimd2Parameter.ORIGINATING_ADDRESS, originator);
            }
            if (validity != null) {
                submit.add(Cimd2Parameter.VALIDITY_PERIOD_RELATIVE, validity);
            }
            if (part.hasUdh()) {
                submit.addHex(Cimd2Parameter.USER_DATA_HEADER, part.udh());
            }
            if (part.encoding() == SmsEncoding.GSM7) {
                submit.addText(Cimd2Parameter.USER_DATA, part.text());
            } else {
                submit.add(Cimd2Parameter.DATA_CODING_SCHEME, Cimd2DataCoding.UCS2.value())
                        .addHex(Cimd2Parameter.USER_DATA_BINARY, part.payload());
            }
            if (reports != null && reports != 0 && part.sequence() == part.total()) {
                submit.add(Cimd2Parameter.STATUS_REPORT_REQUEST, reports);
            }
            submits.add(submit.build());
        }
        return submits;
    }

    /** The parts given in {@link Cimd2Headers#PARTS}, or else the body cut by the producer's splitter. */
    @SuppressWarnings("unchecked")
    private static List<SmsPart> parts(Message message, SmsSplitter splitter, int defaultReference) {
        List<SmsPart> given = message.getHeader(Cimd2Headers.PARTS, List.class);
        if (given != null && !given.isEmpty()) {
            return given;
        }
        String text = message.getBody(String.class);
        Integer reference = message.getHeader(Cimd2Headers.CONCATENATION_REFERENCE, Integer.class);
        return splitter.split(text == null ? "" : text, reference == null ? defaultReference : reference);
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
            delivery.hex(Cimd2Parameter.USER_DATA_HEADER).ifPresent(udh -> message.setHeader(Cimd2Headers.USER_DATA_HEADER, udh));
            message.setHeader(Cimd2Headers.DATA_CODING_SCHEME, integer(delivery.integer(Cimd2Parameter.DATA_CODING_SCHEME)));
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
