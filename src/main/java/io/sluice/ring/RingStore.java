package io.sluice.ring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;

/**
 * Keeps a ring durable in Artemis last-value queues: one message per slot record key (and one for the
 * floor), replaced on every transition. Sends made on a route's listener thread join that route's
 * local JMS transaction, so a slot record commits together with the work it records (ADR 0004).
 * <p>
 * The store is {@link #SHARDS} queues, a slot's records in the shard of its address and the floor in
 * shard 0: Artemis walks a whole last-value queue after each send to it, so a smaller queue per send
 * is less CPU per record (ADR 0032, 0035). A key always lives in the same shard, so sharding changes
 * nothing about which record survives.
 */
public final class RingStore {

    /**
     * The queue's last-value key: the slot address and the parity of the message's lap round the ring
     * ({@link #keyOf}), or {@link #FLOOR_KEY}.
     */
    public static final String KEY = "ringKey";
    public static final String FLOOR_KEY = "floor";
    /** The record of the peer's slots for this ring, as its latest heart-beat said (ADR 0039). */
    public static final String PEER_KEY = "peer";
    /**
     * Last-value queues per store: about 32 records each in a ring of 255 slots (ADR 0035; 16 from ADR 0032,
     * whose walks still cost each site about a tenth of its CPU).
     */
    public static final int SHARDS = 64;
    private static final String SEQUENCE = "ring_seq";
    private static final String ADDRESS = "ring_slot";
    private static final String FLOOR = "ring_floor";
    private static final String MESSAGE_ID = "message_id";
    private static final String SENDER = "sender";
    private static final String RECIPIENT = "recipient";
    private static final String REFERENCE = "client_ref";
    private static final String RETRIEVED_AT = "retrieved_at";
    private static final String VALID_UNTIL = "valid_until";
    private static final String FLAGS = "flags";
    /** The ring's capacity when the record was written: a store written at another is re-homed (ADR 0039). */
    private static final String CAPACITY = "ring_capacity";

    private final JmsTemplate jms;
    private final String store;
    private final int capacity;

    /**
     * @param jms      a template on the site's route connection factory, with {@code sessionTransacted} set
     * @param store    the store's name, {@link #storeOf}; its queues are {@link #shardsOf} it
     * @param capacity slots of the ring this stores
     */
    public RingStore(JmsTemplate jms, String store, int capacity) {
        this.jms = jms;
        this.store = store;
        this.capacity = capacity;
    }

    /**
     * A slot's last-value key: the slot address, the parity of the message's lap round the ring, and its
     * stage (its furthest flag). {@link #load} keeps, per address, the newest sequence, and of that, the
     * record with the most flags.
     * <ul>
     * <li>Not the address alone: a slot freed by one route's transaction is taken by another route's before
     *     the first commits (a report processed wakes the waiting retrieve), so the new message's record can
     *     commit before the old one's last record, and a queue keyed by address alone would keep the old
     *     one. Sequences one lap apart share an address but not a key; two laps apart they do, and by then
     *     the older one's records have all committed: its processed report came, on the one thread that
     *     handles reports, before the lap in between could end.</li>
     * <li>Not without the stage: two routes' transactions can write the same sequence, and the one that
     *     wrote first can commit last (a mirror rebuilt from a floor delivers and processes a message that
     *     the accepting route stored and has not committed yet). Flags only accumulate, so with a key per
     *     stage the more advanced record survives whichever commits last (ADR 0026).</li>
     * </ul>
     */
    String keyOf(Slot slot) {
        return slot.address() + "/" + (slot.sequence() / capacity) % 2 + "/" + stageOf(slot);
    }

    private static Flag stageOf(Slot slot) {
        Flag furthest = Flag.RETRIEVED;
        for (Flag flag : slot.flags()) {
            furthest = flag.compareTo(furthest) > 0 ? flag : furthest;
        }
        return furthest;
    }

    /**
     * The name of a ring's store. Before ADR 0032 this was its one queue; now its shards are named after
     * it ({@link #shardsOf}). Carrier names have no dots, so no shard name is another carrier's store.
     */
    public static String storeOf(Direction direction, String carrier) {
        return "sluice.ring." + direction.ringName(carrier);
    }

    /** The store's last-value queues, shard 0 first. */
    public static List<String> shardsOf(String store) {
        return IntStream.range(0, SHARDS).mapToObj(shard -> store + "." + shard).toList();
    }

    /** The queue a slot address's records go to. */
    static String shardOf(String store, int address) {
        return store + "." + Math.floorMod(address, SHARDS);
    }

    /** Whether a queue is one of the store's shards. */
    public static boolean isShardOf(String store, String queue) {
        return shardsOf(store).contains(queue);
    }

    /**
     * An Artemis filter that picks one shard's records out of a queue of an earlier layout (one queue per
     * store before ADR 0032, 16 shards before ADR 0035): a site moves them over at start. It restates
     * {@link #shardOf} for Artemis.
     */
    public static String recordsOfShard(int shard) {
        String slots = ADDRESS + " % " + SHARDS + " = " + shard;
        return shard == 0 ? KEY + " = '" + FLOOR_KEY + "' OR " + KEY + " = '" + PEER_KEY + "' OR " + slots : slots;
    }

    public void save(Slot slot) {
        jms.send(shardOf(store, slot.address()), session -> recordOf(session, slot));
    }

    public void saveFloor(long floor) {
        jms.send(shardsOf(store).get(0), session -> floorOf(session, floor));
    }

    TextMessage recordOf(Session session, Slot slot) throws JMSException {
        Payload payload = slot.payload();
        TextMessage message = session.createTextMessage(payload.text());
        message.setStringProperty(KEY, keyOf(slot));
        message.setLongProperty(SEQUENCE, slot.sequence());
        message.setIntProperty(ADDRESS, slot.address());
        message.setIntProperty(CAPACITY, capacity);
        message.setStringProperty(MESSAGE_ID, payload.messageId());
        message.setStringProperty(SENDER, payload.sender());
        message.setStringProperty(RECIPIENT, payload.recipient());
        message.setStringProperty(REFERENCE, payload.reference());
        message.setLongProperty(RETRIEVED_AT, slot.retrievedAt().toEpochMilli());
        if (payload.validUntil() != null) {
            message.setLongProperty(VALID_UNTIL, payload.validUntil().toEpochMilli());
        }
        message.setStringProperty(FLAGS, slot.flags().stream().map(Flag::name).sorted()
                .collect(Collectors.joining(",")));
        return message;
    }

    /** The peer's slots for this ring, kept so that a restart runs within them before its first heart-beat. */
    public void savePeerCapacity(int peerCapacity) {
        jms.send(shardsOf(store).get(0), session -> peerOf(session, peerCapacity));
    }

    /** The peer's slots for this ring as last kept by {@link #savePeerCapacity}; empty if never. */
    public OptionalInt peerCapacity() {
        try (Connection connection = jms.getConnectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            Enumeration<?> peer = session.createBrowser(session.createQueue(shardsOf(store).get(0)),
                    KEY + " = '" + PEER_KEY + "'").getEnumeration();
            return peer.hasMoreElements() ? OptionalInt.of(((Message) peer.nextElement()).getIntProperty(CAPACITY))
                    : OptionalInt.empty();
        } catch (JMSException unreadable) {
            throw JmsUtils.convertJmsAccessException(unreadable);
        }
    }

    Message peerOf(Session session, int peerCapacity) throws JMSException {
        Message message = session.createMessage();
        message.setStringProperty(KEY, PEER_KEY);
        message.setIntProperty(CAPACITY, peerCapacity);
        return message;
    }

    Message floorOf(Session session, long floor) throws JMSException {
        Message message = session.createMessage();
        message.setStringProperty(KEY, FLOOR_KEY);
        message.setLongProperty(FLOOR, floor);
        message.setIntProperty(CAPACITY, capacity);
        return message;
    }

    /**
     * Once at start-up, before the ring is loaded: a store written with another number of slots (the ring was
     * resized) has its messages not yet processed moved to their slots in this capacity (ADR 0039).
     *
     * @param mirror whether this end is the ring's mirror, which may not shrink below what its origin may have
     *               under way
     * @return the capacity the store had been written with, if it was another
     */
    public OptionalInt fitToCapacity(String name, boolean mirror) {
        return RingResize.fit(this, name, mirror);
    }

    /** What {@link #fitToCapacity} would do, read only: a problem or a re-home to come, or empty if the store fits. */
    public Optional<String> checkFit(String name, boolean mirror) {
        return RingResize.dryRun(this, name, mirror);
    }

    /** The ring as last committed. */
    public Ring load(String name, int capacity) {
        Committed committed = committed();
        return Ring.restore(name, capacity, committed.floor(), committed.slots());
    }

    /**
     * What the store holds, every record: a sequence may have one per stage, and an older sequence may
     * still have records in a slot a newer one has taken.
     *
     * @param floor the floor, 0 if none was stored
     */
    public record Committed(long floor, List<Slot> slots) {
    }

    /**
     * Every committed record, read on a connection of its own: never through a transaction bound to
     * the caller's thread, which may be the one whose outcome is in question.
     */
    public Committed committed() {
        Records records = records();
        return new Committed(records.floor(), records.slots().stream().map(StoredSlot::slot).toList());
    }

    /** A slot record as stored: its key, and the capacity it was written at (null before ADR 0039). */
    record StoredSlot(Slot slot, String key, Integer capacity) {
    }

    /**
     * Every committed record, shard by shard.
     *
     * @param floor         the highest floor stored, 0 if none
     * @param floorCapacity the capacity the floor was written at; null if none was stored with it
     * @param peerCapacity  the peer's slots as last heard; null if never
     */
    record Records(long floor, Integer floorCapacity, Integer peerCapacity, List<StoredSlot> slots) {
    }

    Records records() {
        List<Message> messages = new ArrayList<>();
        try (Connection connection = jms.getConnectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            for (String shard : shardsOf(store)) {
                Enumeration<?> browsed = session.createBrowser(session.createQueue(shard)).getEnumeration();
                while (browsed.hasMoreElements()) {
                    messages.add((Message) browsed.nextElement());
                }
            }
            return recordsOf(messages);
        } catch (JMSException unreadable) {
            throw JmsUtils.convertJmsAccessException(unreadable);
        }
    }

    /** What these messages of the store say, whether browsed or consumed. */
    static Records recordsOf(List<Message> messages) throws JMSException {
        List<StoredSlot> slots = new ArrayList<>();
        long floor = 0;
        Integer floorCapacity = null;
        Integer peerCapacity = null;
        for (Message message : messages) {
            Integer writtenAt = message.propertyExists(CAPACITY) ? message.getIntProperty(CAPACITY) : null;
            String key = message.getStringProperty(KEY);
            if (FLOOR_KEY.equals(key)) {
                if (message.getLongProperty(FLOOR) >= floor) {
                    floor = message.getLongProperty(FLOOR);
                    floorCapacity = writtenAt;
                }
            } else if (PEER_KEY.equals(key)) {
                peerCapacity = writtenAt;
            } else {
                slots.add(new StoredSlot(slotOf((TextMessage) message), key, writtenAt));
            }
        }
        return new Records(floor, floorCapacity, peerCapacity, slots);
    }

    String store() {
        return store;
    }

    int capacity() {
        return capacity;
    }

    JmsTemplate jms() {
        return jms;
    }

    private static Slot slotOf(TextMessage message) throws JMSException {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        String stored = message.getStringProperty(FLAGS);
        if (stored != null && !stored.isEmpty()) {
            Arrays.stream(stored.split(",")).map(Flag::valueOf).forEach(flags::add);
        }
        Payload payload = new Payload(message.getStringProperty(MESSAGE_ID), message.getStringProperty(SENDER),
                message.getStringProperty(RECIPIENT), message.getStringProperty(REFERENCE), message.getText(),
                message.propertyExists(VALID_UNTIL) ? Instant.ofEpochMilli(message.getLongProperty(VALID_UNTIL)) : null);
        return new Slot(message.getLongProperty(SEQUENCE), message.getIntProperty(ADDRESS), payload,
                Instant.ofEpochMilli(message.getLongProperty(RETRIEVED_AT)), flags);
    }
}
