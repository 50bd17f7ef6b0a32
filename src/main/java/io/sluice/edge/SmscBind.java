package io.sluice.edge;

/** Whether the edge holds a session with its SMSC (an SMPP bind, a CIMD2 login), for its readiness. */
public interface SmscBind {

    boolean bound();

    /** The protocol's own name for the session state (BOUND_TRX, READY, CLOSED, ...). */
    String state();
}
