package io.sluice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * What a user would run without Sluice: a plain jsmpp client, bound to the same emulator through a WAN
 * simulator with the same round trip, with a window of one (submit_sm, wait for submit_sm_resp, next).
 * Its throughput is 1 / (RTT + h) by construction; measuring it keeps the comparison honest about
 * everything else on the path (the proxy, the machine's load).
 */
final class BaselineRun {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final String PHONE = "447700900398";

    /** @param perSecond submits answered per second */
    record Result(double perSecond, long submitted) {
    }

    private final int smppPort;

    /** @param smppPort where the client dials: the WAN simulator in front of the emulator */
    BaselineRun(int smppPort) {
        this.smppPort = smppPort;
    }

    Result run(String tag, Duration duration) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(RESPONSE_TIMEOUT.toMillis());
        try {
            session.connectAndBind("127.0.0.1", smppPort, new BindParameter(BindType.BIND_TX, "sluice", "secret", "",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), RESPONSE_TIMEOUT.toMillis());
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            int submitted = 0;
            while (System.nanoTime() < end) {
                session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, "7777",
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE, new ESMClass(), (byte) 0,
                        (byte) 0, null, null, new RegisteredDelivery(), (byte) 0, new GeneralDataCoding(), (byte) 0,
                        Arrivals.text(tag, submitted).getBytes(StandardCharsets.ISO_8859_1));
                submitted++;
            }
            return new Result(submitted / Polling.seconds(start, System.nanoTime()), submitted);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("baseline client failed: " + e, e);
        } finally {
            session.unbindAndClose();
        }
    }
}
