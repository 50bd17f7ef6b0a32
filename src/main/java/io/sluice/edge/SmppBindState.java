package io.sluice.edge;

import org.jsmpp.extra.SessionState;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;

/**
 * The SMPP bind's state as camel-smpp's session reports it: the {@code smsc-submit} route passes this
 * bean as the endpoint's {@code sessionStateListener}, which camel-smpp calls on every transition of
 * the current session (and of each new one after a reconnect). The producer keeps its session to
 * itself, so listening is the only way to know.
 */
public final class SmppBindState implements SessionStateListener, SmscBind {

    private volatile SessionState state = SessionState.CLOSED;

    @Override
    public void onStateChange(SessionState newState, SessionState oldState, Session source) {
        state = newState;
    }

    @Override
    public boolean bound() {
        return state.isBound();
    }

    @Override
    public String state() {
        return state.name();
    }
}
