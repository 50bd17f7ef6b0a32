package io.sluice.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.Test;

class GuardedSmppBindingTest {

    private final GuardedSmppBinding binding = new GuardedSmppBinding(new SmppConfiguration());

    @Test
    void aReceiptWhoseTextDoesNotParseBecomesAMalformedMessageInsteadOfAnException() throws Exception {
        DeliverSm receipt = new DeliverSm();
        receipt.setEsmClass((byte) 0x04); // SMSC delivery receipt (SMPP 3.4 section 5.2.12)
        receipt.setSourceAddr("447700900123");
        receipt.setShortMessage("this is not a receipt".getBytes(StandardCharsets.ISO_8859_1));

        SmppMessage message = binding.createSmppMessage(new DefaultCamelContext(), receipt);

        assertThat(message.getHeader(SmppConstants.MESSAGE_TYPE)).isEqualTo(GuardedSmppBinding.MALFORMED);
        assertThat(message.getHeader(GuardedSmppBinding.DECODE_ERROR, String.class)).isNotBlank();
        assertThat(message.getBody(String.class)).isEqualTo("7468697320697320"
                + "6e6f7420612072656365697074");
        assertThat(message.getHeader(SmppConstants.SOURCE_ADDR)).isEqualTo("447700900123");
    }

    @Test
    void anOrdinaryDeliverSmDecodesAsCamelSmppWould() throws Exception {
        DeliverSm mo = new DeliverSm();
        mo.setSourceAddr("447700900123");
        mo.setShortMessage("hello".getBytes(StandardCharsets.ISO_8859_1));

        SmppMessage message = binding.createSmppMessage(new DefaultCamelContext(), mo);

        assertThat(message.getHeader(SmppConstants.MESSAGE_TYPE)).isEqualTo("DeliverSm");
        assertThat(message.getBody(String.class)).isEqualTo("hello");
    }
}
