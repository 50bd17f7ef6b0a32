package io.sluice.edge;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.sluice.link.EdgeLinkEnd;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.sms.smpp.SmppAddresses;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;
import org.jsmpp.extra.ProcessRequestException;

/**
 * Turns a deliver_sm (SMPP) or deliver message (CIMD2) — a phone texting the service number — into an MO
 * message in the carrier's ring; the ring and everything after it are the same for both protocols.
 */
public final class MoIntake {

    private final EdgeLinkEnd link;

    public MoIntake(EdgeLinkEnd link) {
        this.link = link;
    }

    public List<Message> send(Exchange exchange) throws ProcessRequestException, InterruptedException {
        Message message = exchange.getMessage();
        Byte sourceTon = message.getHeader(SmppConstants.SOURCE_ADDR_TON, Byte.class);
        String from = SmppAddresses.fromSmpp(message.getHeader(SmppConstants.SOURCE_ADDR, String.class),
                sourceTon == null ? SmppAddresses.TON_UNKNOWN : sourceTon);
        String to = message.getHeader(SmppConstants.DEST_ADDR, String.class);
        Object body = message.getBody();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : message.getBody(String.class);
        return link.sendMo(exchange, from, to, text == null ? "" : text);
    }

    /** CIMD2 deliver message (20): originator (023) as given, international numbers with their +. */
    public List<Message> fromCimd2(Exchange exchange) throws ProcessRequestException, InterruptedException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : message.getBody(String.class);
        return link.sendMo(exchange, message.getHeader(Cimd2Headers.ORIGINATOR, String.class),
                message.getHeader(Cimd2Headers.DESTINATION, String.class), text == null ? "" : text);
    }
}
