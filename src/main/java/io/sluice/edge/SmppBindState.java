package io.sluice.edge;

import org.jsmpp.extra.SessionState;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP bind's state as camel-smpp's session reports it: the {@code smsc-submit} route passes this
 * bean as the endpoint's {@code sessionStateListener}, which camel-smpp calls on every transition of
 * the current session (and of each new one after a reconnect). The producer keeps its session to
 * itself, so listening is the only way to know, and to end a bind that has stopped answering
 * ({@link #drop}).
 */
public final class SmppBindState implements SessionStateListener, SmscBind {

    private static final Logger LOG = LoggerFactory.getLogger(SmppBindState.class);

    private volatile SessionState state = SessionState.CLOSED;
    private volatile Session session;

    @Override
    public void onStateChange(SessionState newState, SessionState oldState, Session source) {
        session = source;
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

    /**
     * Closes the current bind's connection at once; camel-smpp then binds again (after its reconnect
     * delay). No unbind first: a bind that stopped answering would not answer that either.
     *
     * @return whether there was a bound session to close
     */
    public boolean drop(String reason) {
        Session current = session;
        if (current == null || !current.getSessionState().isBound()) {
            return false;
        }
        LOG.warn("Closing SMPP session {} ({}); camel-smpp binds again", current.getSessionId(), reason);
        current.close();
        return true;
    }
}
