package io.sluice.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import io.sluice.core.ClientSubscriptions;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presence on a real in-VM broker: consumers on inboxes make users online, feeds tell their watchers. */
class PresenceTest {

    private static final long WAIT_MS = 10_000;
    /** alice watches bob, carol and a phone; carol watches bob. carol has a phone of her own. */
    private static final Map<String, List<String>> LISTS = Map.of(
            "alice", List.of("+447700900111", "bob", "carol"), "carol", List.of("bob"));

    private InVmBroker broker;
    private ActiveMQConnectionFactory factory;
    private BackgroundSender sender;
    private Connection connection;

    @BeforeEach
    void start() throws Exception {
        ClientSubscriptions subscriptions = new ClientSubscriptions();
        broker = new InVmBroker().withPlugin(subscriptions).start("sluice.inbox.alice", "sluice.inbox.bob");
        factory = new ActiveMQConnectionFactory("vm://0");
        sender = new BackgroundSender(factory, "presence-test");
        BuddyLists buddies = new BuddyLists() {
            @Override
            public List<String> of(String owner) {
                return LISTS.getOrDefault(owner, List.of());
            }

            @Override
            public List<String> watchersOf(String party) {
                return LISTS.entrySet().stream().filter(list -> list.getValue().contains(party))
                        .map(Map.Entry::getKey).sorted().toList();
            }
        };
        subscriptions.onChange(new Presence(buddies, Set.of("carol")::contains, sender));
        connection = factory.createConnection();
        connection.start();
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        sender.close();
        factory.close();
        broker.close();
    }

    @Test
    void subscribingToTheFeedGivesTheListAndEveryBuddysPresence() throws Exception {
        MessageConsumer feed = follow("alice");

        Message list = feed.receive(WAIT_MS);
        assertThat(list.getStringProperty("type")).isEqualTo("buddies");
        assertThat(list.getStringProperty("buddies")).isEqualTo("+447700900111,bob,carol");
        assertThat(presence(feed.receive(WAIT_MS))).isEqualTo("+447700900111 sms");
        assertThat(presence(feed.receive(WAIT_MS))).isEqualTo("bob offline");
        assertThat(presence(feed.receive(WAIT_MS))).as("offline, with a phone").isEqualTo("carol sms");
    }

    @Test
    void aBuddyReadingTheirInboxIsOnlineUntilTheLastClientLeaves() throws Exception {
        MessageConsumer feed = follow("alice");
        drainSnapshot(feed);

        Session bobsPhone = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer first = bobsPhone.createConsumer(bobsPhone.createQueue("sluice.inbox.bob"));
        assertThat(presence(feed.receive(WAIT_MS))).isEqualTo("bob online");
        Session bobsLaptop = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer second = bobsLaptop.createConsumer(bobsLaptop.createQueue("sluice.inbox.bob"));

        first.close();
        assertThat(feed.receive(500)).as("still online on the laptop: nothing to tell").isNull();
        second.close();
        assertThat(presence(feed.receive(WAIT_MS))).isEqualTo("bob offline");
    }

    @Test
    void everyWatcherIsTold() throws Exception {
        MessageConsumer alicesFeed = follow("alice");
        MessageConsumer carolsFeed = follow("carol");
        drainSnapshot(alicesFeed);
        assertThat(carolsFeed.receive(WAIT_MS).getStringProperty("buddies")).isEqualTo("bob");
        assertThat(presence(carolsFeed.receive(WAIT_MS))).isEqualTo("bob offline");

        Session bob = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        bob.createConsumer(bob.createQueue("sluice.inbox.bob"));
        assertThat(presence(alicesFeed.receive(WAIT_MS))).isEqualTo("bob online");
        assertThat(presence(carolsFeed.receive(WAIT_MS))).isEqualTo("bob online");
    }

    private MessageConsumer follow(String user) throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        return session.createConsumer(session.createTopic("sluice.presence." + user));
    }

    private static void drainSnapshot(MessageConsumer feed) throws Exception {
        int buddies = feed.receive(WAIT_MS).getStringProperty("buddies").split(",").length;
        for (int i = 0; i < buddies; i++) {
            assertThat(feed.receive(WAIT_MS)).isNotNull();
        }
    }

    private static String presence(Message frame) throws Exception {
        assertThat(frame).as("a presence frame").isNotNull();
        assertThat(frame.getStringProperty("type")).isEqualTo("presence");
        return frame.getStringProperty("user") + " " + frame.getStringProperty("presence");
    }
}
