package io.sluice.emulator.outbound;

import io.sluice.emulator.handset.Handsets;
import io.sluice.emulator.handset.SentMessage;
import io.sluice.emulator.traffic.EmulatorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps counters and handset outboxes in step with what the outbound lanes do. */
public final class OutboundBookkeeping implements OutboundEvents {

    private static final Logger log = LoggerFactory.getLogger(OutboundBookkeeping.class);

    private final EmulatorStats stats;
    private final Handsets handsets;

    public OutboundBookkeeping(EmulatorStats stats, Handsets handsets) {
        this.stats = stats;
        this.handsets = handsets;
    }

    @Override
    public void delivered(OutboundMessage message) {
        if (message.kind() == OutboundMessage.Kind.MO) {
            stats.moDelivered();
            if (message.lastPart()) {
                handsets.updateStatus(message.handset(), message.id(), SentMessage.DELIVERED);
            }
        } else {
            stats.receiptSent();
        }
    }

    @Override
    public void retrying(OutboundMessage message, String reason) {
        stats.deliverRetried();
        log.info("deliver_sm of {} {} refused ({}), will retry", message.kind(), message.id(), reason);
    }

    @Override
    public void dropped(OutboundMessage message, String reason) {
        log.warn("Dropped {} {}: {}", message.kind(), message.id(), reason);
        if (message.kind() == OutboundMessage.Kind.MO) {
            stats.moDropped();
            handsets.updateStatus(message.handset(), message.id(), SentMessage.FAILED);
        } else {
            stats.receiptDropped();
        }
    }
}
