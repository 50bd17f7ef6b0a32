package io.sluice.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The JMS connection factory this process's Camel routes use on their own site broker. One instance
 * serves consumers and producers, so a transacted route's sends join the consumer's local
 * transaction (Spring exposes the listener session to every JmsTemplate on the same factory).
 * Deliberately not a caching factory: each listener owns its connection and session outright, so
 * no other thread can ever commit on a session that holds a stop-and-wait consumer's unacknowledged
 * message (a lost MT after kill -9 was traced to sharing through Spring's session cache).
 */
public final class InVmConnectionFactory {

    /** Artemis' default consumer buffer (1 MiB): throughput for routes that need no stop-and-wait. */
    public static final int DEFAULT_WINDOW_BYTES = 1024 * 1024;
    /** No buffer: the consumer fetches the next message only after the current one is acknowledged. */
    public static final int PREFETCH_ONE = 0;

    private InVmConnectionFactory() {
    }

    /**
     * @param consumerWindowSize Artemis consumer buffer in bytes; 0 means a consumer holds no message
     *                           beyond the one it is processing (prefetch of one, for stop-and-wait)
     */
    public static ActiveMQConnectionFactory create(SystemCredentials credentials, int consumerWindowSize) {
        // cacheDestinations: every JmsTemplate send would otherwise ask the broker twice whether its
        // queue exists (createQueue, createProducer), two round trips per message per hop. Safe
        // because no queue a route sends to is ever deleted: broker.xml has auto-delete off.
        return new ActiveMQConnectionFactory("vm://0?consumerWindowSize=" + consumerWindowSize + "&cacheDestinations=true",
                credentials.login(), credentials.password());
    }
}
