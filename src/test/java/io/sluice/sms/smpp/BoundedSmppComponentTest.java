package io.sluice.sms.smpp;

import org.apache.camel.component.smpp.BoundedPduSmppProducer;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedSmppComponentTest {

    private static final String URI = "smpp://sluice@smsc.example:2775?password=secret&systemType=sms"
            + "&enquireLinkTimer=1500&transactionTimer=800&pduProcessorDegree=2&lazySessionCreation=true";

    @Test
    void configuresAnEndpointAsCamelSmppDoesAndItsProducerReadsBoundedPdus() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            BoundedSmppComponent.install(context);

            SmppEndpoint endpoint = context.getEndpoint(URI, SmppEndpoint.class);
            SmppConfiguration configuration = endpoint.getConfiguration();

            assertThat(endpoint).isInstanceOf(BoundedSmppComponent.Bounded.class);
            assertThat(configuration.getSystemId()).isEqualTo("sluice");
            assertThat(configuration.getHost()).isEqualTo("smsc.example");
            assertThat(configuration.getPort()).isEqualTo(2775);
            assertThat(configuration.getPassword()).as("the bind's password").isEqualTo("secret");
            assertThat(configuration.getSystemType()).isEqualTo("sms");
            assertThat(configuration.getEnquireLinkTimer()).isEqualTo(1500);
            assertThat(configuration.getTransactionTimer()).isEqualTo(800);
            assertThat(configuration.getPduProcessorDegree()).isEqualTo(2);
            assertThat(endpoint.createProducer()).isInstanceOf(BoundedPduSmppProducer.class);
        }
    }
}
