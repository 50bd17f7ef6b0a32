package io.sluice.edge.intake;

import java.util.Enumeration;

import io.sluice.link.Outgoing;
import jakarta.jms.Message;
import org.springframework.jms.core.JmsTemplate;

/**
 * The sequence of the last MO intake record moved into the ring, on the last-value queue
 * {@code sluice.mo-intake.<carrier>} (ADR 0038): written as one of a move's messages, so it commits with
 * the ring slots it stands for; read back at start and after a move whose commit failed.
 */
public final class MovedMarker {

    /** The queue's last-value key: every marker has the same value, so the queue keeps the newest. */
    public static final String KEY = "sluice_intake";
    static final String POSITION = "sluice_intake_moved";

    private final JmsTemplate jms;
    private final String queue;

    /** @param jms a template on the site's route connection factory */
    public MovedMarker(JmsTemplate jms, String carrier) {
        this.jms = jms;
        this.queue = queueOf(carrier);
    }

    public static String queueOf(String carrier) {
        return "sluice.mo-intake." + carrier;
    }

    /** The marker of {@code sequence}, as a message of the move's transaction. */
    void write(Outgoing out, long sequence) {
        org.apache.camel.Message marker = out.to(queue, "");
        marker.setHeader(KEY, "moved");
        marker.setHeader(POSITION, sequence);
    }

    /** The last sequence moved, 0 if none was. */
    long read() {
        Long moved = jms.browse(queue, (session, browser) -> {
            long newest = 0;
            Enumeration<?> markers = browser.getEnumeration();
            while (markers.hasMoreElements()) {
                newest = Math.max(newest, ((Message) markers.nextElement()).getLongProperty(POSITION));
            }
            return newest;
        });
        return moved == null ? 0 : moved;
    }
}
