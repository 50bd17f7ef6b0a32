package io.sluice.im;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import io.sluice.core.ClientSubscriptions;
import io.sluice.core.Destinations;

/**
 * Who is online, and telling their buddies (ADR 0008). A user is online while at least one client
 * reads their inbox; otherwise reachable by SMS if they have a phone (a phone-only party always is),
 * else offline. Changes go to the presence feed of every user who has them as a buddy; a client that
 * subscribes to its feed first gets the whole picture. Counting happens on the broker's thread, the
 * telling on the background sender's.
 */
public final class Presence implements ClientSubscriptions.Listener {

    /** A party's presence as the {@code presence} header says it. */
    public enum State {
        ONLINE, SMS, OFFLINE;

        public String code() {
            return name().toLowerCase();
        }
    }

    private final Map<String, Integer> openInboxes = new ConcurrentHashMap<>();
    private final BuddyLists buddies;
    private final Predicate<String> hasPhone;
    private final BackgroundSender sender;

    public Presence(BuddyLists buddies, Predicate<String> hasPhone, BackgroundSender sender) {
        this.buddies = buddies;
        this.hasPhone = hasPhone;
        this.sender = sender;
    }

    public State stateOf(String party) {
        if (party.startsWith("+")) {
            return State.SMS;
        }
        if (openInboxes.getOrDefault(party, 0) > 0) {
            return State.ONLINE;
        }
        return hasPhone.test(party) ? State.SMS : State.OFFLINE;
    }

    @Override
    public void inboxOpened(String login) {
        if (openInboxes.merge(login, 1, Integer::sum) == 1) {
            announce(login);
        }
    }

    @Override
    public void inboxClosed(String login) {
        AtomicBoolean wentAway = new AtomicBoolean();
        openInboxes.computeIfPresent(login, (user, open) -> {
            if (open > 1) {
                return open - 1;
            }
            wentAway.set(true);
            return null;
        });
        if (wentAway.get()) {
            announce(login);
        }
    }

    @Override
    public void feedOpened(String login) {
        snapshot(login);
    }

    /** {@code owner}'s list changed: their feed gets the new list and the presence of everyone on it. */
    public void listChanged(String owner) {
        snapshot(owner);
    }

    /** A buddy command of {@code owner} was refused: their feed says why. */
    public void refused(String owner, String error, String detail) {
        sender.execute(out -> {
            TextMessage frame = out.message(detail);
            frame.setStringProperty(Headers.TYPE, "buddies");
            frame.setStringProperty(Headers.ERROR, error);
            frame.setStringProperty(Headers.DETAIL, detail);
            out.toTopic(Destinations.presenceOf(owner), frame);
        });
    }

    private void snapshot(String login) {
        sender.execute(out -> {
            List<String> list = buddies.of(login);
            TextMessage frame = out.message(String.join(",", list));
            frame.setStringProperty(Headers.TYPE, "buddies");
            frame.setStringProperty(Headers.BUDDIES, String.join(",", list));
            out.toTopic(Destinations.presenceOf(login), frame);
            for (String buddy : list) {
                out.toTopic(Destinations.presenceOf(login), presenceFrame(out, buddy));
            }
        });
    }

    private void announce(String login) {
        sender.execute(out -> {
            for (String watcher : buddies.watchersOf(login)) {
                if (!watcher.startsWith("+")) { // phones ask with WHO rather than being told
                    out.toTopic(Destinations.presenceOf(watcher), presenceFrame(out, login));
                }
            }
        });
    }

    private TextMessage presenceFrame(BackgroundSender.Out out, String party) throws JMSException {
        String state = stateOf(party).code();
        TextMessage frame = out.message(party + " " + state);
        frame.setStringProperty(Headers.TYPE, "presence");
        frame.setStringProperty(Headers.USER, party);
        frame.setStringProperty(Headers.PRESENCE, state);
        return frame;
    }
}
