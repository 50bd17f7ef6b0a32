package io.sluice.emulator;

import io.sluice.emulator.cimd2.Cimd2Listener;
import io.sluice.emulator.handset.HandsetSummary;
import io.sluice.emulator.handset.HandsetView;
import io.sluice.emulator.handset.Handsets;
import io.sluice.emulator.outbound.Mailboxes;
import io.sluice.emulator.outbound.MessageIds;
import io.sluice.emulator.outbound.MobileOriginator;
import io.sluice.emulator.outbound.MoRejectedException;
import io.sluice.emulator.outbound.OutboundBookkeeping;
import io.sluice.emulator.outbound.ReceiptScheduler;
import io.sluice.emulator.smpp.SmscFaults;
import io.sluice.emulator.smpp.SmppServer;
import io.sluice.emulator.smpp.SmscServices;
import io.sluice.emulator.text.SmsText;
import io.sluice.emulator.traffic.EmulatorStats;
import io.sluice.emulator.traffic.SessionStats;
import io.sluice.emulator.traffic.StatsSnapshot;
import io.sluice.emulator.traffic.TrafficLog;
import io.sluice.emulator.traffic.TrafficRecord;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMPP 3.4 and CIMD2 SMSC for development, tests and the demo: simulated handsets behind an SMPP
 * server and a CIMD2 server that count breaches of sequential handshaking. The Spring bean of role {@code smsc-emulator}, and
 * usable on its own in tests ({@code new SmscEmulator(properties, clock).start()}).
 */
public final class SmscEmulator implements AutoCloseable {

    private final EmulatorStats stats = new EmulatorStats();
    private final TrafficLog traffic;
    private final Handsets handsets;
    private final ReceiptScheduler receipts;
    private final MobileOriginator originator;
    private final SmscFaults faults;
    private final SmppServer server;
    /** Null when {@code cimd2-port} is -1. */
    private final Cimd2Listener cimd2;

    public SmscEmulator(EmulatorProperties properties, Clock clock) {
        this.traffic = new TrafficLog(properties.recordedTrafficLimit());
        this.handsets = new Handsets(properties.handsetInboxLimit(), clock);
        SmsText smsText = new SmsText(properties.defaultAlphabet(), properties.defaultCharset());
        Mailboxes mailboxes = new Mailboxes();
        this.faults = new SmscFaults(clock);
        MessageIds messageIds = new MessageIds(clock);
        this.receipts = new ReceiptScheduler(mailboxes, properties.receiptDelay());
        this.originator = new MobileOriginator(properties.serviceNumber(), properties.serviceSystemId(), smsText,
                mailboxes, messageIds, handsets, stats, clock);
        SmscServices services = new SmscServices(properties, clock, smsText, stats, traffic, handsets, mailboxes,
                messageIds, receipts, new OutboundBookkeeping(stats, handsets), faults);
        this.server = new SmppServer(services);
        this.cimd2 = properties.cimd2Port() == EmulatorProperties.CIMD2_OFF ? null : new Cimd2Listener(services);
    }

    /** Opens the SMPP port and, unless switched off, the CIMD2 port. */
    public void start() throws IOException {
        server.start();
        if (cimd2 != null) {
            cimd2.start();
        }
    }

    /** The SMPP port ESMEs bind to. */
    public int smppPort() {
        return server.port();
    }

    /**
     * The CIMD2 port clients connect to.
     *
     * @throws IllegalStateException when CIMD2 is switched off ({@code cimd2-port: -1})
     */
    public int cimd2Port() {
        if (cimd2 == null) {
            throw new IllegalStateException("CIMD2 is switched off (sluice.emulator.cimd2-port=-1)");
        }
        return cimd2.port();
    }

    /**
     * A phone texts {@code to} (the service number when null or blank); delivered as deliver_sm to a
     * receiver of the service account, as soon as one is bound.
     *
     * @return the id of the mobile-originated message
     * @throws MoRejectedException when {@code from} is not E.164, {@code text} is missing or too long, ...
     */
    public String originateMo(String from, String to, String text) {
        return originator.originate(from, to, text);
    }

    /**
     * As {@link #originateMo(String, String, String)}; a text longer than one SMS goes as concatenated
     * parts, in a random order when {@code shuffle} is set.
     */
    public String originateMo(String from, String to, String text, boolean shuffle) {
        return originator.originate(from, to, text, shuffle);
    }

    /** Refusal periods for every submit (a throttling storm, a full queue); see the README's "Faults". */
    public SmscFaults faults() {
        return faults;
    }

    /**
     * The SMPP sessions bound now keep their TCP connection and answer everything but enquire_link,
     * which they ignore from now on; binds made later behave. Returns how many sessions were touched.
     */
    public int ignoreEnquireLinks() {
        return server.ignoreEnquireLinks();
    }

    public StatsSnapshot stats() {
        List<SessionStats> sessions = new ArrayList<>(server.sessionStats());
        if (cimd2 != null) {
            sessions.addAll(cimd2.sessionStats());
        }
        return stats.snapshot(sessions);
    }

    /** The newest {@code limit} PDUs in and out, oldest first. */
    public List<TrafficRecord> traffic(int limit) {
        return traffic.latest(limit);
    }

    public List<HandsetSummary> handsets() {
        return handsets.summaries();
    }

    /** The phone's inbox and outbox; empty for a number that has not sent or received anything. */
    public HandsetView handset(String number) {
        return handsets.find(number);
    }

    /** Clears counters, recorded traffic and handsets; sessions and queued deliveries stay. */
    public void reset() {
        stats.resetCounters();
        server.resetCounters();
        if (cimd2 != null) {
            cimd2.resetCounters();
        }
        traffic.clear();
        handsets.clear();
    }

    @Override
    public void close() {
        server.close();
        if (cimd2 != null) {
            cimd2.close();
        }
        receipts.close();
    }
}
