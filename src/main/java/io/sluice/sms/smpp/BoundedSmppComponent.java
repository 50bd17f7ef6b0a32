package io.sluice.sms.smpp;

import java.net.URI;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Producer;
import org.apache.camel.component.smpp.BoundedPduSmppProducer;
import org.apache.camel.component.smpp.SmppComponent;
import org.apache.camel.component.smpp.SmppComponentConfigurer;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppEndpoint;
import org.apache.camel.component.smpp.SmppEndpointConfigurer;
import org.apache.camel.spi.PropertyConfigurer;

/**
 * The {@code smpp:} component of an edge: camel-smpp's, except that its binds read PDUs with
 * {@link BoundedPduReader}, so a malformed {@code command_length} from the SMSC ends the bind instead
 * of allocating what it claims (ADR 0040). Endpoints are configured exactly as camel-smpp configures
 * them, with camel-smpp's generated configurers: Camel finds those by the {@code @Component}
 * annotation of camel-smpp's class, which a subclass does not carry, and would otherwise bind the
 * URI's options by reflection, where SMPP endpoints silently ignore what they cannot set (a bind
 * without its password).
 */
public final class BoundedSmppComponent extends SmppComponent {

    /** The scheme the edge's routes use. */
    public static final String SCHEME = "smpp";

    private final PropertyConfigurer componentOptions = new SmppComponentConfigurer();
    private final PropertyConfigurer endpointOptions = new SmppEndpointConfigurer();

    /** Registers this component as {@value #SCHEME} in the context; before any route resolves it. */
    public static void install(CamelContext context) {
        context.addComponent(SCHEME, new BoundedSmppComponent());
    }

    @Override
    @SuppressWarnings("rawtypes") // camel-smpp declares the raw type
    protected Endpoint createEndpoint(String uri, String remaining, Map parameters) throws Exception {
        SmppConfiguration configuration = getConfiguration() == null ? new SmppConfiguration() : getConfiguration().copy();
        configuration.configureFromURI(new URI(uri));
        Endpoint endpoint = new Bounded(uri, this, configuration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return componentOptions;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return endpointOptions;
    }

    /** An SMPP endpoint whose producer reads with a bounded PDU reader. */
    static final class Bounded extends SmppEndpoint {

        Bounded(String uri, SmppComponent component, SmppConfiguration configuration) {
            super(uri, component, configuration);
        }

        @Override
        public Producer createProducer() {
            return new BoundedPduSmppProducer(this, getConfiguration());
        }
    }
}
