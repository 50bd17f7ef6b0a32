package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.sluice.sms.cimd2.client.Cimd2Headers;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A CIMD2 report takes its message inside the report's transaction, in memory as on disk (ADR 0029). */
class EdgeEventsTest {

    private static final String SHARED = "+447700900001:261127120000";
    private final ReceiptCorrelator receipts = new ReceiptCorrelator(100);
    private final EdgeEvents events = new EdgeEvents("alpha", receipts, duplicateId -> false);
    private final ReceiptCorrelator.Submitted first = new ReceiptCorrelator.Submitted("m1", "alice", "ref-1");
    private final ReceiptCorrelator.Submitted second = new ReceiptCorrelator.Submitted("m2", "alice", "ref-2");

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aReportWhoseTransactionRolledBackFindsTheSameMessageWhenTheSmscSendsItAgain() throws Exception {
        receipts.remember(SHARED, first);
        receipts.remember(SHARED, second);

        assertThat(reportInATransaction(TransactionSynchronization.STATUS_ROLLED_BACK).getMessage()
                .getHeader("sluice_id")).isEqualTo("m1");
        Exchange again = reportInATransaction(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(again.getMessage().getHeader("sluice_id")).as("the report sent again is about the same message")
                .isEqualTo("m1");
        assertThat(again.getMessage().getHeader(ReceiptCorrelations.TAKEN_HEADER)).isEqualTo(SHARED);
        assertThat(receipts.take(SHARED, Duration.ZERO)).as("the next report's message is still there").contains(second);
    }

    @Test
    void aCommittedReportsMessageIsGone() throws Exception {
        receipts.remember(SHARED, first);

        reportInATransaction(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(receipts.take(SHARED, Duration.ZERO)).isEmpty();
    }

    /** A delivered status report handled as route {@code smsc-receive} does, in a transaction ending with {@code status}. */
    private Exchange reportInATransaction(int status) throws InterruptedException {
        TransactionSynchronizationManager.initSynchronization();
        Exchange report = new DefaultExchange(new DefaultCamelContext());
        report.getMessage().setHeader(Cimd2Headers.MESSAGE_ID, SHARED);
        report.getMessage().setHeader(Cimd2Headers.STATUS_CODE, 4); // delivery successful
        try {
            events.cimd2Receipt(report);
        } finally {
            List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            registered.forEach(synchronization -> synchronization.afterCompletion(status));
        }
        return report;
    }
}
