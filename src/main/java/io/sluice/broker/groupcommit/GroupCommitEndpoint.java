package io.sluice.broker.groupcommit;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code groupcommit:<queue>?maxMessages=64&maxMillis=100&batchListener=#bean}: consume only; send
 * with {@code jms:}. Options:
 * <ul>
 *   <li>{@code maxMessages}: the most messages one commit covers;</li>
 *   <li>{@code maxMillis}: a batch takes no further message once it has been open this long, so that
 *       what it sends (a ring's confirmations, for instance) is not held back for long;</li>
 *   <li>{@code batchListener}: told of every batch as it begins, commits or rolls back
 *       ({@link BatchListener});</li>
 *   <li>{@code jmsComponent}: the {@code jms} component whose connection factory and message mapping
 *       are used (default {@code jms}).</li>
 * </ul>
 * A step may end the batch after its own message by setting the exchange property
 * {@link #END_BATCH_AFTER_THIS} to {@code true}; the next message then starts a new batch.
 */
public final class GroupCommitEndpoint extends DefaultEndpoint {

    /**
     * Exchange property: commit after this message. For a step that knows the next message would have
     * to wait for something only a commit can bring (a ring's free slot, for instance).
     */
    public static final String END_BATCH_AFTER_THIS = "SluiceEndBatchAfterThis";

    private final String queue;
    private int maxMessages = 64;
    private long maxMillis = 100;
    private BatchListener batchListener = batch -> { };
    private String jmsComponent = "jms";

    GroupCommitEndpoint(String uri, GroupCommitComponent component, String queue) {
        super(uri, component);
        this.queue = queue;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("groupcommit: only consumes; send to queue " + queue + " with jms:");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (maxMessages < 1 || maxMillis < 0) {
            throw new IllegalArgumentException("groupcommit:" + queue + " needs maxMessages >= 1 and maxMillis >= 0, not "
                    + maxMessages + " and " + maxMillis);
        }
        GroupCommitConsumer consumer = new GroupCommitConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    String queue() {
        return queue;
    }

    /** The queue as the {@code jms} component sees it: its message mapping makes the exchanges. */
    JmsEndpoint jmsEndpoint() {
        return getCamelContext().getEndpoint(jmsComponent + ":queue:" + queue, JmsEndpoint.class);
    }

    ConnectionFactory connectionFactory() {
        JmsComponent jms = getCamelContext().getComponent(jmsComponent, JmsComponent.class);
        if (jms == null || jms.getConfiguration().getConnectionFactory() == null) {
            throw new IllegalStateException("groupcommit:" + queue + " needs a '" + jmsComponent
                    + "' component with a connection factory");
        }
        return jms.getConfiguration().getConnectionFactory();
    }

    public int getMaxMessages() {
        return maxMessages;
    }

    public void setMaxMessages(int maxMessages) {
        this.maxMessages = maxMessages;
    }

    public long getMaxMillis() {
        return maxMillis;
    }

    public void setMaxMillis(long maxMillis) {
        this.maxMillis = maxMillis;
    }

    public BatchListener getBatchListener() {
        return batchListener;
    }

    public void setBatchListener(BatchListener batchListener) {
        this.batchListener = batchListener;
    }

    public String getJmsComponent() {
        return jmsComponent;
    }

    public void setJmsComponent(String jmsComponent) {
        this.jmsComponent = jmsComponent;
    }
}
