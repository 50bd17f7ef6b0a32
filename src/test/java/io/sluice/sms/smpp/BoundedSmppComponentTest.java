package io.sluice.sms.smpp;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.component.smpp.BoundedPduSmppProducer;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jsmpp.session.SessionStateListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedSmppComponentTest {

    /** Every option routes/edge-smpp/smsc-submit.camel.yaml sets, with values unlike camel-smpp's defaults. */
    private static final String URI = "smpp://sluice@smsc.example:2775?password=secret&systemType=sms"
            + "&messageReceiverRouteId=smsc-receive&enquireLinkTimer=1500&transactionTimer=800&reconnectDelay=700"
            + "&maxReconnect=2147483647&initialReconnectDelay=1000&pduProcessorDegree=2&lazySessionCreation=false"
            + "&sessionStateListener=#smppBindState";

    private final SessionStateListener bindState = (newState, oldState, source) -> { };

    @Test
    void configuresAnEndpointExactlyAsCamelSmppDoes() throws Exception {
        try (DefaultCamelContext stock = new DefaultCamelContext(); DefaultCamelContext bounded = new DefaultCamelContext()) {
            stock.getRegistry().bind("smppBindState", bindState);
            bounded.getRegistry().bind("smppBindState", bindState);
            BoundedSmppComponent.install(bounded);

            SmppEndpoint expected = stock.getEndpoint(URI, SmppEndpoint.class);
            SmppEndpoint actual = bounded.getEndpoint(URI, SmppEndpoint.class);

            assertThat(actual).isInstanceOf(BoundedSmppComponent.Bounded.class);
            assertThat(settings(actual.getConfiguration())).isEqualTo(settings(expected.getConfiguration()));
            assertThat(actual.getConfiguration().getPassword()).as("the bind's password").isEqualTo("secret");
            assertThat(actual.getConfiguration().getMessageReceiverRouteId()).as("a transceiver bind")
                    .isEqualTo("smsc-receive");
            assertThat(actual.getConfiguration().getSessionStateListener()).isSameAs(bindState);
            assertThat(actual.getConfiguration().getReconnectDelay()).isEqualTo(700);
            assertThat(actual.isLazyStartProducer()).isEqualTo(expected.isLazyStartProducer());
            assertThat(actual.createProducer()).isInstanceOf(BoundedPduSmppProducer.class);
        }
    }

    /** Every readable setting of a configuration, by name. */
    private static Map<String, Object> settings(SmppConfiguration configuration) throws Exception {
        Map<String, Object> settings = new TreeMap<>();
        for (PropertyDescriptor property : Introspector.getBeanInfo(SmppConfiguration.class, Object.class)
                .getPropertyDescriptors()) {
            if (property.getReadMethod() != null) {
                settings.put(property.getName(), property.getReadMethod().invoke(configuration));
            }
        }
        return settings;
    }
}
