package io.sluice.edge;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.sluice.im.Headers;
import io.sluice.sms.smpp.SmppAddresses;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;

/** Turns a deliver_sm (a phone texting the service number) into an MO message for the core. */
public final class MoIntake {

    private final String carrier;

    public MoIntake(String carrier) {
        this.carrier = carrier;
    }

    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        Byte sourceTon = message.getHeader(SmppConstants.SOURCE_ADDR_TON, Byte.class);
        String from = SmppAddresses.fromSmpp(message.getHeader(SmppConstants.SOURCE_ADDR, String.class),
                sourceTon == null ? SmppAddresses.TON_UNKNOWN : sourceTon);
        String to = message.getHeader(SmppConstants.DEST_ADDR, String.class);
        Object body = message.getBody();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : message.getBody(String.class);
        String id = UUID.randomUUID().toString();
        message.removeHeaders("*");
        message.setHeader(Headers.SLUICE_ID, id);
        message.setHeader(Headers.DUPLICATE_ID, id);
        message.setHeader(Headers.FROM, from);
        message.setHeader(Headers.TO, to);
        message.setHeader(Headers.CARRIER, carrier);
        message.setBody(text == null ? "" : text);
    }
}
