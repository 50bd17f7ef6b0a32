package io.sluice.ring;

/**
 * The slots of one carrier's two rings. They may differ (ADR 0039): MT's concatenation reference is the low
 * 8 bits of its sequence (ADR 0007), so its ring stays at 256 slots or fewer, while the MO ring must hold
 * what the SMSC delivers during one round trip to the core and back.
 *
 * @param mt slots of the MT ring
 * @param mo slots of the MO ring
 */
public record RingSizes(int mt, int mo) {

    public RingSizes {
        if (mt < 1 || mo < 1) {
            throw new IllegalArgumentException("A ring needs at least one slot: MT " + mt + ", MO " + mo);
        }
    }

    /** Both rings of the same size. */
    public static RingSizes both(int slots) {
        return new RingSizes(slots, slots);
    }

    public int of(Direction direction) {
        return direction == Direction.MT ? mt : mo;
    }
}
