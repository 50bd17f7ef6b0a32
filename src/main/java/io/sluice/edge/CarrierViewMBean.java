package io.sluice.edge;

/** A carrier's SMSC session as operators see it in Hawtio ({@code io.sluice:type=Carrier,name=<carrier>}). */
public interface CarrierViewMBean {

    String getCarrier();

    /** smpp or cimd2. */
    String getProtocol();

    /** host:port of the SMSC. */
    String getSmsc();

    boolean isBound();

    /** The protocol's own name for the session state (BOUND_TRX, READY, CLOSED, ...). */
    String getSessionState();

    long getSubmitsTotal();

    long getSubmitErrorsTotal();

    double getSubmitsPerSecond();

    double getSubmitErrorsPerSecond();

    long getDeliveriesTotal();

    double getDeliveriesPerSecond();

    /** Median submit → response time, ms, of the successful submits so far (NaN before the first). */
    double getHandshakeMedianMillis();

    /** 99th percentile of the same. */
    double getHandshakeP99Millis();
}
