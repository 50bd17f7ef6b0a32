package io.sluice.sms.cimd2.client;

import io.sluice.sms.cimd2.Cimd2Packet;

/**
 * Takes a deliver message (20) or deliver status report (23) from the SMSC. Returning normally means
 * it is stored durably: only then does the session answer 70/73. Throwing makes the session answer
 * with a temporary error, which the SMSC retries with the same packet number.
 */
@FunctionalInterface
public interface Cimd2DeliveryHandler {

    void deliver(Cimd2Packet delivery) throws Exception;
}
