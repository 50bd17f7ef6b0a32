package io.sluice.sms.text;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts concatenated mobile-originated parts (3GPP TS 23.040 §9.2.3.24.1 and §9.2.3.24.8) back
 * together before they reach the user. camel-smpp hands each {@code deliver_sm} over as it comes,
 * UDH included and not reassembled; the edge reads {@code esm_class} (UDHI 0x40), {@code data_coding}
 * and the raw {@code short_message} from the {@code DeliverSm} of the {@code SmppMessage} and passes
 * them here.
 *
 * <ul>
 *   <li>Parts are collected under originator + reference + total (+ reference width), in any order.
 *   A part whose sequence already arrived is ignored, and so is a late copy of a part of a message
 *   completed within the timeout (an SMSC resending a {@code deliver_sm} whose response it missed),
 *   recognised by its payload.</li>
 *   <li>The payloads of consecutive parts are joined before decoding, so an escape or a surrogate
 *   pair that a handset cut across parts still decodes.</li>
 *   <li>Never silently dropped: a message still incomplete {@code timeout} after its first part
 *   arrived is released with what arrived and the marker {@value #MISSING_PART} (or
 *   {@value #MISSING_PARTS} for a run of them) where the missing text belongs, e.g.
 *   "Hello [part 2 of 3 missing]". A part arriving after that starts a new collection, released the
 *   same way.</li>
 *   <li>Bounded memory: at most {@code maxPending} incomplete messages are held; a first part of one
 *   more releases the oldest incomplete message early, with its markers.</li>
 * </ul>
 *
 * <p>Thread-safe (camel-smpp processes up to {@code pduProcessorDegree} deliveries in parallel).
 * Pending parts live in memory only: whoever feeds this must not treat a part as processed (and
 * forget it) until the text it belongs to has been returned.
 */
public final class MoReassembler {

    /** Marker for one missing part: {@code String.format(MISSING_PART, sequence, total)}. */
    public static final String MISSING_PART = "[part %d of %d missing]";
    /** Marker for a run of missing parts: {@code String.format(MISSING_PARTS, first, last, total)}. */
    public static final String MISSING_PARTS = "[parts %d-%d of %d missing]";

    /** Parts of one message so far, indexed by sequence - 1. */
    private static final class Pending {
        final Instant firstArrival;
        final SmsEncoding[] encodings;
        final byte[][] payloads;
        int received;

        Pending(Instant firstArrival, int total) {
            this.firstArrival = firstArrival;
            this.encodings = new SmsEncoding[total];
            this.payloads = new byte[total][];
        }
    }

    /** What is kept of a completed message to recognise late copies of its parts. */
    private record Completed(Instant at, int[] payloadHashes) {
    }

    private final Clock clock;
    private final Duration timeout;
    private final int maxPending;
    // Insertion order is first-arrival order: the head is the oldest, for expiry and eviction.
    private final LinkedHashMap<MoGroup, Pending> pending = new LinkedHashMap<>();
    private final LinkedHashMap<MoGroup, Completed> recentlyCompleted = new LinkedHashMap<>();

    /**
     * @param clock time source (a fixed or hand-advanced clock in tests)
     * @param timeout how long after its first part an incomplete message is released with markers
     * @param maxPending most incomplete messages held at once, at least 1
     */
    public MoReassembler(Clock clock, Duration timeout, int maxPending) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
        }
        this.clock = clock;
        this.timeout = timeout;
        this.maxPending = maxPending;
    }

    /**
     * Takes one received SMS.
     *
     * @param originator the sender (add the recipient if several service numbers share this instance)
     * @param encoding encoding of the payload (see {@link SmsEncoding#fromDataCoding})
     * @param udhi whether the message starts with a UDH ({@code esm_class} bit 0x40)
     * @param shortMessage the {@code short_message} octets, UDH included
     * @return texts ready for the user now, oldest first: this message if it is a single SMS or its
     *     last missing part, and any incomplete messages released because they expired or to make room
     * @throws MalformedUdhException if the UDH does not parse
     * @throws IllegalArgumentException if the payload is not valid in {@code encoding}
     */
    public synchronized List<MoText> accept(String originator, SmsEncoding encoding, boolean udhi,
            byte[] shortMessage) {
        Udh udh = udhi ? Udh.parse(shortMessage) : null;
        byte[] payload = udh == null ? shortMessage.clone()
                : Arrays.copyOfRange(shortMessage, udh.length(), shortMessage.length);
        // Decoded once here so that a bad part is refused on arrival, not when its message completes.
        String single = encoding.decode(payload);

        List<MoText> ready = releaseExpired();
        Concatenation concatenation = udh == null ? null : udh.concatenation().orElse(null);
        if (concatenation == null || concatenation.total() == 1) {
            ready.add(new MoText(originator, single, 1, 1));
            return ready;
        }
        MoGroup key = MoGroup.of(originator, concatenation);
        int index = concatenation.sequence() - 1;
        if (isCopyOfCompleted(key, index, payload)) {
            return ready;
        }
        Pending message = pending.get(key);
        if (message == null) {
            if (pending.size() >= maxPending) {
                Map.Entry<MoGroup, Pending> oldest = pending.entrySet().iterator().next();
                pending.remove(oldest.getKey());
                ready.add(release(oldest.getKey(), oldest.getValue()));
            }
            message = new Pending(clock.instant(), concatenation.total());
            pending.put(key, message);
        }
        if (message.payloads[index] != null) {
            return ready;
        }
        message.payloads[index] = payload;
        message.encodings[index] = encoding;
        message.received++;
        if (message.received == concatenation.total()) {
            pending.remove(key);
            remember(key, message);
            ready.add(release(key, message));
        }
        return ready;
    }

    /**
     * Releases, with markers, every incomplete message whose first part arrived {@code timeout} ago
     * or longer. Call it from a timer: {@link #accept} does it too, but only when parts keep coming.
     */
    public synchronized List<MoText> releaseExpired() {
        Instant cutoff = clock.instant().minus(timeout);
        List<MoText> released = new ArrayList<>();
        for (Iterator<Map.Entry<MoGroup, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<MoGroup, Pending> entry = it.next();
            if (entry.getValue().firstArrival.isAfter(cutoff)) {
                continue;
            }
            it.remove();
            released.add(release(entry.getKey(), entry.getValue()));
        }
        recentlyCompleted.values().removeIf(completed -> completed.at().isBefore(cutoff));
        return released;
    }

    /**
     * Whether parts of this message are held, waiting for the rest: after {@link #accept}, tells a
     * caller that stores parts whether the part it just offered must be kept (it is not when it
     * completed its message, or was a late copy of a completed one).
     */
    public synchronized boolean isPending(MoGroup group) {
        return pending.containsKey(group);
    }

    /** Incomplete messages held now. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    private boolean isCopyOfCompleted(MoGroup key, int index, byte[] payload) {
        Completed completed = recentlyCompleted.get(key);
        if (completed == null) {
            return false;
        }
        if (completed.payloadHashes()[index] == Arrays.hashCode(payload)) {
            return true;
        }
        // Different content under the same reference: the handset has reused it for a new message.
        recentlyCompleted.remove(key);
        return false;
    }

    private void remember(MoGroup key, Pending message) {
        int[] hashes = new int[message.payloads.length];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Arrays.hashCode(message.payloads[i]);
        }
        recentlyCompleted.put(key, new Completed(clock.instant(), hashes));
        // Bounded like the pending map; forgetting one only weakens duplicate detection.
        if (recentlyCompleted.size() > maxPending) {
            recentlyCompleted.remove(recentlyCompleted.keySet().iterator().next());
        }
    }

    private static MoText release(MoGroup key, Pending message) {
        int total = message.payloads.length;
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < total) {
            int runStart = i;
            if (message.payloads[i] == null) {
                while (i < total && message.payloads[i] == null) {
                    i++;
                }
                text.append(i - runStart == 1
                        ? String.format(MISSING_PART, runStart + 1, total)
                        : String.format(MISSING_PARTS, runStart + 1, i, total));
                continue;
            }
            // Join the run of present parts in one encoding before decoding it (see type comment).
            SmsEncoding encoding = message.encodings[i];
            ByteArrayOutputStream run = new ByteArrayOutputStream();
            while (i < total && message.payloads[i] != null && message.encodings[i] == encoding) {
                run.writeBytes(message.payloads[i]);
                i++;
            }
            text.append(encoding.decode(run.toByteArray()));
        }
        return new MoText(key.originator(), text.toString(), total, message.received, key);
    }
}
