package io.sluice.emulator.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.InvalidResponseException;

/**
 * A real ESME over TCP, on jsmpp's client session: binds, submits, and collects the deliver_sm it
 * accepts. It can be told to refuse the next N deliver_sm.
 */
public final class TestEsme implements AutoCloseable, MessageReceiverListener {

    /** SMPP 3.4 §5.1.3: ESME receiver temporary application error, what an ESME answers when it cannot take a message now. */
    public static final int ESME_RX_T_APPN = 0x00000064;
    public static final String SERVICE_NUMBER = "7777";
    public static final String PHONE = "+447700900123";

    private final SMPPSession session = new SMPPSession();
    private final List<DeliverSm> accepted = new CopyOnWriteArrayList<>();
    private final List<DeliverSm> offered = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsLeft = new AtomicInteger();

    private TestEsme() {
        session.setMessageReceiverListener(this);
    }

    public static TestEsme bind(int port, BindType bindType) throws IOException {
        return bind(port, bindType, "sluice", "secret");
    }

    public static TestEsme bind(int port, BindType bindType, String systemId, String password) throws IOException {
        TestEsme esme = new TestEsme();
        esme.session.connectAndBind("localhost", port, new BindParameter(bindType, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        return esme;
    }

    /** How long this client waits for a response before giving up. */
    public TestEsme responseTimeout(long millis) {
        session.setTransactionTimer(millis);
        return this;
    }

    public TestEsme refuseNext(int deliveries) {
        refusalsLeft.set(deliveries);
        return this;
    }

    /** Submits {@code text} in Latin-1 from the service number to {@link #PHONE}; returns the message_id. */
    public String submit(String text) throws PDUException, ResponseTimeoutException, InvalidResponseException,
            NegativeResponseException, IOException {
        return submit(text, new RegisteredDelivery());
    }

    public String submitAskingReceipt(String text) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        return submit(text, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE));
    }

    private String submit(String text, RegisteredDelivery registeredDelivery) throws PDUException,
            ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, SERVICE_NUMBER,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE.substring(1), new ESMClass(),
                (byte) 0, (byte) 0, null, null, registeredDelivery, (byte) 0, new GeneralDataCoding(),
                (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1)).getMessageId();
    }

    /** Submits one prepared SMS (UDH and payload, e.g. a part cut by Sluice's splitter) to {@link #PHONE}. */
    public String submitPart(io.sluice.sms.text.SmsPart part) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        ESMClass esmClass = part.hasUdh() ? new ESMClass(0x40) : new ESMClass();
        return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, SERVICE_NUMBER,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE.substring(1), esmClass,
                (byte) 0, (byte) 0, null, null, new RegisteredDelivery(), (byte) 0,
                new org.jsmpp.bean.RawDataCoding(part.dataCoding()), (byte) 0, part.shortMessage()).getMessageId();
    }

    /** deliver_sm answered with ESME_ROK, in arrival order. */
    public List<DeliverSm> accepted() {
        return accepted;
    }

    /** Every deliver_sm received, refused ones included, in arrival order. */
    public List<DeliverSm> offered() {
        return offered;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        offered.add(deliverSm);
        if (refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new ProcessRequestException("test ESME refuses", ESME_RX_T_APPN);
        }
        accepted.add(deliverSm);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not expected", ESME_RX_T_APPN);
    }

    public SMPPSession session() {
        return session;
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }
}
