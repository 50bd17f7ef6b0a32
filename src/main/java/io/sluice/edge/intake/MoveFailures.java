package io.sluice.edge.intake;

import java.io.IOException;

import io.sluice.Causes;
import io.sluice.ring.RingFullException;
import org.jsmpp.extra.ProcessRequestException;

/**
 * Why a move of MO intake records failed (ADR 0038): back-pressure (the MO ring full, the core's position not
 * yet known, the disk full), the broker or the disk failing, or the record itself, which no retry will mend.
 * Only the last kind makes the mover give the record up to the dead letters.
 */
final class MoveFailures {

    private MoveFailures() {
    }

    static boolean isTheRecordsOwn(Throwable failure) {
        return Causes.find(failure, RingFullException.class).isEmpty()
                && Causes.find(failure, ProcessRequestException.class).isEmpty()
                && Causes.find(failure, jakarta.jms.JMSException.class).isEmpty()
                && Causes.find(failure, org.springframework.jms.JmsException.class).isEmpty()
                && Causes.find(failure, org.springframework.transaction.TransactionException.class).isEmpty()
                && Causes.find(failure, IOException.class).isEmpty()
                && Causes.find(failure, InterruptedException.class).isEmpty();
    }

    static String describe(Throwable failure) {
        Throwable root = Causes.root(failure);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
