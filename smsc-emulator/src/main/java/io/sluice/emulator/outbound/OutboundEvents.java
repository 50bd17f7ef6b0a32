package io.sluice.emulator.outbound;

/** What happens to deliver_sm content on its way out, for counters and handset outboxes. */
public interface OutboundEvents {

    void delivered(OutboundMessage message);

    void retrying(OutboundMessage message, String reason);

    void dropped(OutboundMessage message, String reason);
}
