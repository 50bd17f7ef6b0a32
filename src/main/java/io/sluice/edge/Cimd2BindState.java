package io.sluice.edge;

import io.sluice.sms.cimd2.client.Cimd2Endpoint;
import io.sluice.sms.cimd2.client.Cimd2SessionState;
import org.apache.camel.CamelContext;

/**
 * The CIMD2 session's state, read from the {@code cimd2:} endpoint of the running routes: logged in
 * means READY, or AWAITING_RESPONSE while a submit or alive is outstanding.
 */
public final class Cimd2BindState implements SmscBind {

    private final CamelContext camel;

    public Cimd2BindState(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public boolean bound() {
        Cimd2SessionState state = current();
        return state == Cimd2SessionState.READY || state == Cimd2SessionState.AWAITING_RESPONSE;
    }

    @Override
    public String state() {
        return current().name();
    }

    private Cimd2SessionState current() {
        return camel.getEndpoints().stream().filter(Cimd2Endpoint.class::isInstance).map(Cimd2Endpoint.class::cast)
                .map(Cimd2Endpoint::sessionState).findFirst().orElse(Cimd2SessionState.DISCONNECTED);
    }
}
