package org.apache.camel.component.smpp;

import java.lang.reflect.Field;

import io.sluice.sms.smpp.BoundedPduReader;
import io.sluice.sms.smpp.BoundedSmppComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.session.AbstractSession;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In camel-smpp's package, as the producer is (ADR 0040): the session it builds reads with the bounded
 * reader, and is otherwise built as camel-smpp's own producer builds it. Should the override stop taking
 * effect (a renamed method, or the two classes in different runtime packages), the first test fails.
 */
class BoundedPduSmppProducerTest {

    private static final String URI = "smpp://sluice@127.0.0.1:2775?password=secret";

    @Test
    void itsSessionsReadWithTheBoundedReader() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            BoundedSmppComponent.install(context);
            SmppProducer producer = (SmppProducer) context.getEndpoint(URI).createProducer();

            SMPPSession session = producer.createSMPPSession();

            assertThat(field(SMPPSession.class, "pduReader", session)).isInstanceOf(BoundedPduReader.class);
        }
    }

    @Test
    void itsSessionsAreOtherwiseCamelSmppsOwn() throws Exception {
        try (DefaultCamelContext stockContext = new DefaultCamelContext();
             DefaultCamelContext boundedContext = new DefaultCamelContext()) {
            BoundedSmppComponent.install(boundedContext);
            SMPPSession expected = ((SmppProducer) stockContext.getEndpoint(URI).createProducer()).createSMPPSession();
            SMPPSession actual = ((SmppProducer) boundedContext.getEndpoint(URI).createProducer()).createSMPPSession();

            assertThat(field(SMPPSession.class, "connFactory", actual).getClass())
                    .isEqualTo(field(SMPPSession.class, "connFactory", expected).getClass());
            assertThat(field(AbstractSession.class, "pduSender", actual).getClass())
                    .isEqualTo(field(AbstractSession.class, "pduSender", expected).getClass());
            assertThat(field(SMPPSession.class, "pduReader", expected).getClass())
                    .as("camel-smpp's own reader, which the bounded one extends").isEqualTo(DefaultPDUReader.class);
        }
    }

    private static Object field(Class<?> type, String name, Object target) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
