package io.sluice.edge;

import java.util.function.LongSupplier;

/**
 * What one carrier's SMSC session carries, as operators read it in Hawtio ({@link CarrierJmx}): submits
 * and failed submits (each attempt and part, as {@link SmscSubmitMeter} sees them) and what the SMSC
 * delivers (MO parts and receipts, as {@link SmscDeliveryCounter} sees them), with totals and
 * one-minute rates. Prometheus has the same as counters (rates computed there).
 */
public final class CarrierTraffic {

    private final SlidingRate submits;
    private final SlidingRate submitErrors;
    private final SlidingRate deliveries;

    public CarrierTraffic(LongSupplier clockMillis) {
        submits = new SlidingRate(clockMillis);
        submitErrors = new SlidingRate(clockMillis);
        deliveries = new SlidingRate(clockMillis);
    }

    public void submitted(boolean failed) {
        submits.record();
        if (failed) {
            submitErrors.record();
        }
    }

    public void delivered() {
        deliveries.record();
    }

    public SlidingRate submits() {
        return submits;
    }

    public SlidingRate submitErrors() {
        return submitErrors;
    }

    public SlidingRate deliveries() {
        return deliveries;
    }
}
