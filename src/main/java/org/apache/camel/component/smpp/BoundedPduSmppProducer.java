package org.apache.camel.component.smpp;

import io.sluice.sms.smpp.BoundedPduReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.util.DefaultComposer;

/**
 * camel-smpp's producer, whose sessions read PDUs with {@link BoundedPduReader}. It lives in
 * camel-smpp's package because the session factory method is package-private (camel-smpp 4.17);
 * {@code @Override} makes the build fail should that method change. The session is built as
 * camel-smpp builds it, the reader apart.
 */
public class BoundedPduSmppProducer extends SmppProducer {

    public BoundedPduSmppProducer(SmppEndpoint endpoint, SmppConfiguration configuration) {
        super(endpoint, configuration);
    }

    @Override
    SMPPSession createSMPPSession() {
        return new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender(new DefaultComposer())),
                new BoundedPduReader(), SmppConnectionFactory.getInstance(getConfiguration()));
    }
}
