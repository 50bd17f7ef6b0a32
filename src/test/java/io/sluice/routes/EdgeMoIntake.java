package io.sluice.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.sluice.edge.MoIntake;
import io.sluice.edge.intake.MoIntakeLog;
import io.sluice.edge.intake.MoIntakeMover;
import io.sluice.edge.intake.MovedMarker;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.springframework.jms.core.JmsTemplate;

/**
 * The MO intake log of an edge in a route test, as EdgeSite wires it (ADR 0038): a log in a fresh
 * directory, bound as {@code moIntakeLog}, and its mover attached to the test's context. The test loads
 * flow {@code edge/mo-intake-move} with the others.
 */
final class EdgeMoIntake {

    static final String FLOW = "edge/mo-intake-move";

    private EdgeMoIntake() {
    }

    /** The marker's last-value queue of {@code carrier}, for the test's broker. */
    static InVmBroker withMarkerQueue(InVmBroker broker, String carrier) {
        return broker.withLastValueQueue(MovedMarker.queueOf(carrier), MovedMarker.KEY);
    }

    static MoIntakeLog bind(CamelContext context, ActiveMQConnectionFactory connectionFactory, MoIntake intake,
                            String carrier, int maxPending, boolean cimd2) throws IOException {
        return bind(context, connectionFactory, intake, carrier, Files.createTempDirectory("mo-intake-" + carrier),
                maxPending, cimd2);
    }

    /** As above, with the log in {@code directory}: a second context on the same directory is the edge restarted. */
    static MoIntakeLog bind(CamelContext context, ActiveMQConnectionFactory connectionFactory, MoIntake intake,
                            String carrier, Path directory, int maxPending, boolean cimd2) throws IOException {
        MoIntakeLog log = new MoIntakeLog(directory,
                new MovedMarker(new JmsTemplate(connectionFactory), carrier), MoIntake.HEADERS_READ,
                cimd2 ? intake::fromCimd2 : intake::send, maxPending, () -> false);
        context.getRegistry().bind("moIntakeLog", log);
        MoIntakeMover.attachedTo(context, log);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                try {
                    log.close(); // as EdgeSite's bean is closed: the files are not held open after the context
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return log;
    }
}
