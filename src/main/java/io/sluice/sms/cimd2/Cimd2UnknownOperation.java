package io.sluice.sms.cimd2;

import java.util.List;

/**
 * A well-formed packet with an operation code that {@link Cimd2Operation} does not know. CIMD Interface
 * Specification §4.12: the receiver answers it with a general error response (98), error code 1
 * "Unexpected operation", and keeps the session.
 */
public record Cimd2UnknownOperation(int operationCode, int packetNumber, List<Cimd2Field> fields)
        implements Cimd2Decoded {

    public Cimd2UnknownOperation {
        fields = List.copyOf(fields);
    }
}
