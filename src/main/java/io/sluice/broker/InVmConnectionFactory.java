package io.sluice.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The JMS connection factory this process's Camel routes use on their own site broker. One instance
 * serves consumers and producers, so a transacted route's sends join the consumer's local
 * transaction (Spring exposes the listener session to the producer's JmsTemplate).
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
    public static CachingConnectionFactory create(SystemCredentials credentials, int consumerWindowSize) {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(
                "vm://0?consumerWindowSize=" + consumerWindowSize, credentials.login(), credentials.password());
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(10);
        caching.setCacheConsumers(false);
        caching.setReconnectOnException(true);
        return caching;
    }
}
