package io.sluice.sms.smpp;

import java.util.List;

import io.sluice.sms.text.SmsPart;
import org.apache.camel.component.smpp.SmppSplitter;

/**
 * Hands camel-smpp parts we already cut ({@link io.sluice.sms.text.SmsSplitter}): camel-smpp always
 * runs the splitter of the {@code CamelSmppSplitter} header over the encoded body and sends one
 * {@code submit_sm} per returned segment, in order, setting UDHI when there is more than one. This
 * one ignores that body (camel-smpp encoded it in its own charset, not in GSM septets) and returns
 * each part's {@code short_message}: UDH followed by payload.
 */
public final class PresplitSmppSplitter extends SmppSplitter {

    private final byte[][] segments;

    public PresplitSmppSplitter(List<SmsPart> parts) {
        // camel-smpp's size fields only drive its own cutting, which split() below replaces.
        super(0, 0, 0);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a message has at least one part");
        }
        this.segments = parts.stream().map(SmsPart::shortMessage).toArray(byte[][]::new);
    }

    @Override
    public byte[][] split(byte[] encodedByCamel) {
        byte[][] copy = new byte[segments.length][];
        for (int i = 0; i < segments.length; i++) {
            copy[i] = segments[i].clone();
        }
        return copy;
    }
}
