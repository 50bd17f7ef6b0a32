package io.sluice.emulator.smpp;

import io.sluice.emulator.EmulatorProperties;
import io.sluice.emulator.handset.Handsets;
import io.sluice.emulator.outbound.Mailboxes;
import io.sluice.emulator.outbound.MessageIds;
import io.sluice.emulator.outbound.OutboundEvents;
import io.sluice.emulator.outbound.ReceiptScheduler;
import io.sluice.emulator.text.SmsText;
import io.sluice.emulator.traffic.EmulatorStats;
import io.sluice.emulator.traffic.TrafficLog;
import java.time.Clock;

/** What the SMPP sessions share with the rest of the emulator. */
public record SmscServices(EmulatorProperties properties, Clock clock, SmsText smsText, EmulatorStats stats,
        TrafficLog traffic, Handsets handsets, Mailboxes mailboxes, MessageIds messageIds, ReceiptScheduler receipts,
        OutboundEvents outboundEvents, SmscFaults faults) {
}
