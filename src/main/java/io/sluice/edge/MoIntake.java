package io.sluice.edge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.sluice.core.Destinations;
import io.sluice.im.Headers;
import io.sluice.link.EdgeLinkEnd;
import io.sluice.link.Outgoing;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.sms.smpp.GuardedSmppBinding;
import io.sluice.sms.smpp.SmppAddresses;
import io.sluice.sms.smpp.SmppStatus;
import io.sluice.sms.text.Concatenation;
import io.sluice.sms.text.MalformedUdhException;
import io.sluice.sms.text.MoGroup;
import io.sluice.sms.text.SmsEncoding;
import io.sluice.sms.text.Udh;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;
import org.jsmpp.extra.ProcessRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a deliver_sm (SMPP) or deliver message (CIMD2) — a phone texting the service number — into an MO
 * message in the carrier's ring; the ring and everything after it are the same for both protocols.
 * SMPP text is decoded by our library from the raw {@code short_message} and {@code data_coding}
 * (GSM 03.38 septets or UCS-2, ADR 0006); CIMD2 text comes decoded from User Data (033) or User Data
 * Binary (034). A part of a concatenated message, by either protocol, goes to {@link MoAssembly},
 * which lets only the whole message into the ring (ADR 0007, 0009).
 */
public final class MoIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MoIntake.class);
    /** SMPP 3.4 §5.2.12: esm_class bit 6, the short message starts with a User Data Header. */
    private static final int ESM_CLASS_UDHI = 0x40;

    /**
     * The headers {@link #send} and {@link #fromCimd2} read, with the body: all that the MO intake log keeps of
     * a delivery to hand them later (ADR 0038).
     */
    public static final List<String> HEADERS_READ = List.of(SmppConstants.MESSAGE_TYPE, SmppConstants.SOURCE_ADDR,
            SmppConstants.SOURCE_ADDR_TON, SmppConstants.DEST_ADDR, SmppConstants.DATA_CODING, SmppConstants.ESM_CLASS,
            GuardedSmppBinding.SHORT_MESSAGE, Cimd2Headers.MESSAGE_TYPE, Cimd2Headers.ORIGINATOR,
            Cimd2Headers.DESTINATION, Cimd2Headers.USER_DATA_HEADER, Cimd2Headers.DATA_CODING_SCHEME);

    /**
     * Exchange property set when a delivery went to {@link MoAssembly}: the MO intake log ends a move there,
     * since the part store cannot take back, in one transaction, a part stored in the same one.
     */
    public static final String PART_OF_MANY = "SluiceMoPartOfMany";

    private final EdgeLinkEnd link;
    private final MoAssembly assembly;
    private final BooleanSupplier diskFull;

    /** An edge whose broker's disk never fills (route tests of other concerns). */
    public MoIntake(EdgeLinkEnd link, MoAssembly assembly) {
        this(link, assembly, () -> false);
    }

    /** @param diskFull whether the edge's broker blocks producers for lack of disk (ADR 0018) */
    public MoIntake(EdgeLinkEnd link, MoAssembly assembly, BooleanSupplier diskFull) {
        this.link = link;
        this.assembly = assembly;
        this.diskFull = diskFull;
    }

    public List<Message> send(Exchange exchange) throws ProcessRequestException, InterruptedException {
        refuseWhileTheDiskIsFull();
        Message message = exchange.getMessage();
        Byte sourceTon = message.getHeader(SmppConstants.SOURCE_ADDR_TON, Byte.class);
        String from = SmppAddresses.fromSmpp(message.getHeader(SmppConstants.SOURCE_ADDR, String.class),
                sourceTon == null ? SmppAddresses.TON_UNKNOWN : sourceTon);
        String to = message.getHeader(SmppConstants.DEST_ADDR, String.class);
        byte[] octets = message.getHeader(GuardedSmppBinding.SHORT_MESSAGE, byte[].class);
        Byte dataCoding = message.getHeader(SmppConstants.DATA_CODING, Byte.class);
        Optional<SmsEncoding> encoding = dataCoding == null ? Optional.empty() : SmsEncoding.fromDataCoding(dataCoding);
        if (octets == null || encoding.isEmpty()) {
            // Not a coding of ours (Latin-1, IA5...): camel-smpp's decoding of the body stands.
            return link.sendMo(exchange, from, to, camelText(message));
        }
        Byte esmClass = message.getHeader(SmppConstants.ESM_CLASS, Byte.class);
        boolean udhi = esmClass != null && (esmClass & ESM_CLASS_UDHI) != 0;
        Udh udh;
        try {
            udh = udhi ? Udh.parse(octets) : null;
        } catch (MalformedUdhException malformed) {
            return keptForAnOperator(exchange, from, octets, "MALFORMED_UDH: " + malformed.getMessage());
        }
        Optional<Concatenation> concatenation = partOfMany(udh);
        if (concatenation.isPresent()) {
            exchange.setProperty(PART_OF_MANY, true);
            return assembly.accept(exchange, new MoPart(MoGroup.of(from, concatenation.get()), to, encoding.get(), octets));
        }
        byte[] payload = udh == null ? octets : Arrays.copyOfRange(octets, udh.length(), octets.length);
        return link.sendMo(exchange, from, to, decode(encoding.get(), payload, message));
    }

    /**
     * With the disk full, storing the message would block until space returns while the SMSC waits for
     * its answer and may time out and send it again; "message queue full" (CIMD2: temporary congestion)
     * tells it to retry later instead, as a full ring does (ADR 0018).
     */
    private void refuseWhileTheDiskIsFull() throws ProcessRequestException {
        if (diskFull.getAsBoolean()) {
            throw new ProcessRequestException("The edge's disk is full; try again later",
                    SmppStatus.ESME_RMSGQFUL.code());
        }
    }

    /** Our decoding; an SMSC whose data_coding 0 is really Latin-1 falls back to camel-smpp's. */
    private static String decode(SmsEncoding encoding, byte[] payload, Message message) {
        try {
            return encoding.decode(payload);
        } catch (IllegalArgumentException notInThatEncoding) {
            LOG.warn("MO text is not valid {} ({}); taken as camel-smpp decoded it", encoding.label(),
                    notInThatEncoding.getMessage());
            return camelText(message);
        }
    }

    private static String camelText(Message message) {
        Object body = message.getBody();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : message.getBody(String.class);
        return text == null ? "" : text;
    }

    /** Undecodable: kept on the dead-letter queue and answered OK, so the SMSC does not resend it forever. */
    private static List<Message> keptForAnOperator(Exchange exchange, String from, byte[] octets, String why) {
        LOG.warn("Undecodable MO from {}: {}; kept on {}", from, why, Destinations.DEAD);
        Outgoing out = new Outgoing(exchange.getContext());
        Message dead = out.to(Destinations.DEAD, HexFormat.of().formatHex(octets));
        dead.setHeader(Headers.DETAIL, why);
        dead.setHeader(Headers.SENDER, from);
        return out.messages();
    }

    /**
     * CIMD2 deliver message (20): originator (023) as given, international numbers with their +. A part
     * of a concatenated message (UDH in 032) is kept as SMPP would carry it, UDH and payload in the
     * encoding of its data coding scheme (030), so the same {@link MoAssembly} joins it.
     */
    public List<Message> fromCimd2(Exchange exchange) throws ProcessRequestException, InterruptedException {
        refuseWhileTheDiskIsFull();
        Message message = exchange.getMessage();
        String from = message.getHeader(Cimd2Headers.ORIGINATOR, String.class);
        String to = message.getHeader(Cimd2Headers.DESTINATION, String.class);
        String text = camelText(message);
        byte[] udhOctets = message.getHeader(Cimd2Headers.USER_DATA_HEADER, byte[].class);
        Integer dataCoding = message.getHeader(Cimd2Headers.DATA_CODING_SCHEME, Integer.class);
        Optional<SmsEncoding> encoding = SmsEncoding.fromDataCoding(dataCoding == null ? 0 : dataCoding);
        if (udhOctets == null || encoding.isEmpty()) {
            return link.sendMo(exchange, from, to, text);
        }
        Optional<Concatenation> concatenation;
        try {
            concatenation = partOfMany(Udh.parse(udhOctets));
        } catch (MalformedUdhException malformed) {
            return keptForAnOperator(exchange, from, udhOctets, "MALFORMED_UDH: " + malformed.getMessage());
        }
        if (concatenation.isEmpty()) {
            return link.sendMo(exchange, from, to, text);
        }
        byte[] payload = encoding.get().encode(text);
        byte[] octets = Arrays.copyOf(udhOctets, udhOctets.length + payload.length);
        System.arraycopy(payload, 0, octets, udhOctets.length, payload.length);
        exchange.setProperty(PART_OF_MANY, true);
        return assembly.accept(exchange, new MoPart(MoGroup.of(from, concatenation.get()), to, encoding.get(), octets));
    }

    /** The concatenation a UDH announces, when its message has more than one part. */
    private static Optional<Concatenation> partOfMany(Udh udh) {
        return udh == null ? Optional.empty() : udh.concatenation().filter(c -> c.total() > 1);
    }
}
