package io.sluice.emulator.cimd2;

import io.sluice.emulator.outbound.Deliverer;
import io.sluice.emulator.outbound.DeliveryException;
import io.sluice.emulator.outbound.OutboundMessage;
import io.sluice.sms.cimd2.Cimd2DataCoding;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2PacketNumbers;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.cimd2.Cimd2Text;
import io.sluice.sms.text.SmsEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an {@link OutboundMessage} to the logged-in client as deliver message (20, CIMD Interface
 * Specification §4.9) or deliver status report (23, §4.10) and blocks the lane until the response.
 * A message sent again after a timeout or a refusal keeps its packet number: the client recognises the
 * retransmission and acknowledges it without delivering it twice.
 */
final class Cimd2Deliverer implements Deliverer {

    /** SMPP 3.4 §5.2.12: the short message starts with a UDH (how the outbound message marks a part). */
    private static final int ESM_CLASS_UDHI = 0x40;

    private record Awaiting(int packetNumber, Cimd2Operation response, CompletableFuture<Cimd2Packet> answer) {
    }

    /** The message whose 060 time stamp is {@link #stampedAt} (deliveries run one at a time, on one lane). */
    private OutboundMessage stamped;
    private Instant stampedAt;
    private final Cimd2Session session;
    /** Only the lane's thread numbers packets. */
    private final Cimd2PacketNumbers numbers = Cimd2PacketNumbers.forSmsc();
    private volatile Awaiting awaiting;
    private String unacknowledgedId;
    private int unacknowledgedNumber;

    Cimd2Deliverer(Cimd2Session session) {
        this.session = session;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryException, IOException {
        Cimd2Packet packet = packet(message);
        int number = message.id().equals(unacknowledgedId) ? unacknowledgedNumber : numbers.next();
        unacknowledgedId = message.id();
        unacknowledgedNumber = number;
        Awaiting sent = new Awaiting(number, packet.operation().response().orElseThrow(), new CompletableFuture<>());
        awaiting = sent;
        if (!session.isOpen()) {
            throw new IOException("connection closed");
        }
        session.send(packet.withPacketNumber(number));
        Cimd2Packet response = await(sent);
        if (response.isNegative()) {
            throw DeliveryException.refused(response.operation() + " " + response.error().map(Enum::name).orElse(""),
                    null);
        }
        unacknowledgedId = null;
    }

    private Cimd2Packet await(Awaiting sent) throws DeliveryException, IOException {
        Duration timeout = session.services().properties().responseTimeout();
        try {
            return sent.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw DeliveryException.refused("no response within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IOException("connection closed while waiting for " + sent.response(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + sent.response(), e);
        } finally {
            awaiting = null;
        }
    }

    /** A response from the client: the one the lane waits for, a NACK or a general error for its packet. */
    void responseArrived(Cimd2Packet response) {
        Awaiting current = awaiting;
        boolean answers = current != null && current.packetNumber() == response.packetNumber()
                && (response.operation() == current.response() || response.operation() == Cimd2Operation.NACK
                        || response.operation() == Cimd2Operation.GENERAL_ERROR_RESPONSE);
        if (answers) {
            current.answer().complete(response);
        }
    }

    void closed() {
        Awaiting current = awaiting;
        if (current != null) {
            current.answer().completeExceptionally(new IOException("connection closed"));
        }
    }

    private Cimd2Packet packet(OutboundMessage message) throws DeliveryException {
        try {
            if (message.kind() == OutboundMessage.Kind.RECEIPT) {
                if (message.receipt() == null) {
                    throw DeliveryException.malformed("receipt " + message.id() + " has no receipt facts", null);
                }
                return Cimd2Receipts.statusReport(message.receipt());
            }
            return deliverMessage(message);
        } catch (IllegalArgumentException e) {
            throw DeliveryException.malformed("cannot build the CIMD2 packet: " + e.getMessage(), e);
        }
    }

    /**
     * When the SMSC took the message in: fixed at its first offer, so a retransmission is the same
     * packet (060 has one-second resolution; a retry a second later must not change it).
     */
    private Instant receivedAt(OutboundMessage message) {
        if (message != stamped) {
            stamped = message;
            stampedAt = session.services().clock().instant();
        }
        return stampedAt;
    }

    /**
     * §4.9: GSM text in User Data when the alphabet carries it, else UCS-2 in User Data Binary. A part of
     * a concatenated MO message carries its UDH in User Data Header (032) and keeps its part's coding.
     */
    private Cimd2Packet deliverMessage(OutboundMessage message) {
        Cimd2Packet.Builder deliver = Cimd2Packet.builder(Cimd2Operation.DELIVER_MESSAGE)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, message.destination().number())
                .add(Cimd2Parameter.ORIGINATING_ADDRESS, message.source().number())
                .add(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP, Cimd2Timestamps.format(receivedAt(message)));
        byte[] shortMessage = message.shortMessage();
        if ((message.esmClass() & ESM_CLASS_UDHI) != 0 && shortMessage.length > 0) {
            int udhLength = Math.min((shortMessage[0] & 0xFF) + 1, shortMessage.length);
            deliver.addHex(Cimd2Parameter.USER_DATA_HEADER, Arrays.copyOf(shortMessage, udhLength));
            if (message.dataCoding() == SmsEncoding.UCS2.dataCoding()) {
                return deliver.add(Cimd2Parameter.DATA_CODING_SCHEME, Cimd2DataCoding.UCS2.value())
                        .addHex(Cimd2Parameter.USER_DATA_BINARY,
                                Arrays.copyOfRange(shortMessage, udhLength, shortMessage.length)).build();
            }
            return deliver.addText(Cimd2Parameter.USER_DATA, message.text()).build();
        }
        if (Cimd2Text.canEncode(message.text())) {
            return deliver.addText(Cimd2Parameter.USER_DATA, message.text()).build();
        }
        return deliver.add(Cimd2Parameter.DATA_CODING_SCHEME, Cimd2DataCoding.UCS2.value())
                .addHex(Cimd2Parameter.USER_DATA_BINARY, message.text().getBytes(StandardCharsets.UTF_16BE)).build();
    }
}
